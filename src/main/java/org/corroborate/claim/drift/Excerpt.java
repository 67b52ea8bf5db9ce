package org.corroborate.claim.drift;

/**
 * One claim member's words, as drift detection reads them: the annotation's id and its covered text.
 *
 * @param annotation the member annotation's id
 * @param text       the annotation's covered text (the span's words, not its context)
 */
public record Excerpt(long annotation, String text) {
}
