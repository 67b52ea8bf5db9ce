package org.corroborate.annotation.relation;

import java.time.Instant;

/**
 * A relation as the rest of the application and the API see it: {@code from} and {@code to} are the
 * ids of its two annotations (both of {@code source}, in {@code project}), {@code type} names a
 * relation type of the project's scheme, {@code version} is what a deletion must send.
 */
public record RelationDetails(long id, long source, long project, long from, long to, String type, String author,
                              Instant createdAt, long version) {}
