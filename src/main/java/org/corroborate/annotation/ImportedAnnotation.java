package org.corroborate.annotation;

import java.time.Instant;
import java.util.Map;

/**
 * An annotation as an imported corpus gives it: who made it, where, with which label, attributes
 * and note, and when it was made and last changed (null: now).
 */
public record ImportedAnnotation(String author, int start, int end, String label, Map<String, String> attributes,
                                 String note, Instant createdAt, Instant modifiedAt) {

    /** A bare span, as plain doccano gives it: no author (the importer), attributes, note or times. */
    public static ImportedAnnotation bare(int start, int end, String label) {
        return new ImportedAnnotation(null, start, end, label, Map.of(), null, null, null);
    }
}
