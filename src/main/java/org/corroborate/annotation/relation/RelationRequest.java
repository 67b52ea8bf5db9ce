package org.corroborate.annotation.relation;

/** A relation to make, as the caller: of {@code type}, from the annotation {@code from} to the annotation {@code to}. */
public record RelationRequest(long from, long to, String type) {}
