package org.corroborate.annotation.relation;

/**
 * Published when a relation of a source was made or deleted, for live views: ids only; a view reads
 * the source's relations again as its viewer (so blind mode is applied as for any read).
 */
public record RelationChanged(long sourceId, long relationId, boolean deleted, String actor) {}
