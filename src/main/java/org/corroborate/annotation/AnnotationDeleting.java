package org.corroborate.annotation;

/**
 * Published in the transaction that deletes an annotation, just before the row goes: features that
 * hold work on it remove theirs (audited) or refuse the deletion by throwing.
 */
public record AnnotationDeleting(long annotationId, long sourceId) {}
