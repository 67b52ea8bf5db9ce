package org.corroborate.annotation;

import java.time.Instant;
import java.util.Map;

/**
 * An annotation as an imported corpus gives it: who made it, where, with which label, attributes
 * and note, and when it was made and last changed (null: now).
 */
public record ImportedAnnotation(String author, int start, int end, String label, Map<String, String> attributes,
                                 String note, Instant createdAt, Instant modifiedAt) {}
