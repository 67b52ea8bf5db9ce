package org.corroborate.review.adjudication;

import java.util.Map;

/** A span of the gold layer: code point offsets, label, attributes, note, and the text it covers. */
public record GoldSpan(int start, int end, String label, Map<String, String> attributes, String note, String text) {}
