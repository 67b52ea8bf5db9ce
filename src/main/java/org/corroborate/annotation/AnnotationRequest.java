package org.corroborate.annotation;

import java.util.Map;

/**
 * What a caller asks to create or change. Offsets count code points. On update, null fields keep
 * their value, {@code version} must be the version the caller saw, and {@code reason} is required
 * when a supervisor changes someone else's annotation. The factories name the usual requests.
 */
public record AnnotationRequest(Integer start, Integer end, String label, Map<String, String> attributes, String note,
                                Long version, String reason) {

    /** A new annotation of [start, end) with a label, attributes (null: none) and a note (null: none). */
    public static AnnotationRequest create(int start, int end, String label, Map<String, String> attributes,
                                           String note) {
        return new AnnotationRequest(start, end, label, attributes, note, null, null);
    }

    /** Moves an annotation seen at {@code version} to [start, end), keeping its label, attributes and note. */
    public static AnnotationRequest move(int start, int end, long version, String reason) {
        return new AnnotationRequest(start, end, null, null, null, version, reason);
    }

    /**
     * Changes what an annotation seen at {@code version} says, keeping its span: a null label,
     * attributes or note keeps that part as it is.
     */
    public static AnnotationRequest describe(String label, Map<String, String> attributes, String note, long version,
                                             String reason) {
        return new AnnotationRequest(null, null, label, attributes, note, version, reason);
    }
}
