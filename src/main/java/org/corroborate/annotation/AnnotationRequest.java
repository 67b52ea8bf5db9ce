package org.corroborate.annotation;

import java.util.Map;

/**
 * What a caller asks to create or change. Offsets count code points. On update, null fields keep
 * their value, {@code version} must be the version the caller saw, and {@code reason} is required
 * when a supervisor changes someone else's annotation.
 */
public record AnnotationRequest(Integer start, Integer end, String label, Map<String, String> attributes, String note,
                                Long version, String reason) {

    public static AnnotationRequest create(int start, int end, String label, Map<String, String> attributes,
                                           String note) {
        return new AnnotationRequest(start, end, label, attributes, note, null, null);
    }
}
