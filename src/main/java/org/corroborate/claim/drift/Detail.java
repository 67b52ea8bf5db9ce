package org.corroborate.claim.drift;

/**
 * One detail an excerpt states, as the readers find it.
 *
 * @param kind  {@code number}, {@code age}, {@code date}, {@code duration}, {@code person} or {@code organisation}
 * @param key   what the detail is about, to line it up with other excerpts' details: the counted noun for a
 *              number ("officer"), a surname for a person, empty when the kind has no key
 * @param value the detail normalised for comparison ("17", "2024-03-14", "m:8", "katherine morley")
 * @param start where it is written in the excerpt, code points
 * @param end   where that ends, exclusive, code points
 */
record Detail(String kind, String key, String value, int start, int end) {
}
