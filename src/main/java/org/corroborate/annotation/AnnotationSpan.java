package org.corroborate.annotation;

/**
 * An annotation reduced to what agreement compares: its source, author, label and span
 * {@code [start, end)} in code points. Read in one query for a whole project, without texts.
 */
public record AnnotationSpan(long sourceId, String author, String label, int start, int end) {}
