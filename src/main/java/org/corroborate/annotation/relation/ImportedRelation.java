package org.corroborate.annotation.relation;

/**
 * A relation from an imported corpus: of {@code type}, between two annotations already imported into
 * the workbench (their ids here), made by {@code author} as the file says.
 */
public record ImportedRelation(long from, long to, String type, String author) {}
