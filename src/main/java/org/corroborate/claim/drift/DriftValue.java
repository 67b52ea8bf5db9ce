package org.corroborate.claim.drift;

/**
 * What one member says for one kind of detail, and where in its excerpt it says it.
 *
 * @param annotation the member annotation's id ({@link Excerpt#annotation()})
 * @param value      the detail as the member words it ("17 officers", "aged 34", "Katherine Morley");
 *                   an empty string when the member gives no value of this kind
 * @param start      where the value starts in the member's excerpt text, in code points (0 when empty)
 * @param end        where it ends, exclusive, in code points (0 when empty)
 */
public record DriftValue(long annotation, String value, int start, int end) {
}
