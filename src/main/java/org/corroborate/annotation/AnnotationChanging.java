package org.corroborate.annotation;

/**
 * Published in the transaction that changes an annotation's span, label, attributes or note, just
 * before it is saved: features whose work rests on the annotation as it is (a decision of the gold
 * layer) refuse the change by throwing.
 */
public record AnnotationChanging(long annotationId, long sourceId) {}
