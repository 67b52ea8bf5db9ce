package org.corroborate.exchange;

import java.time.Instant;

/**
 * A relation between two exported spans of one source, as every format that can carry it writes
 * it: its id ({@code r} and the relation's id), the spans it goes from and to by their export ids
 * ({@code a12}), its type (a relation type of the scheme), and who made it and when.
 */
public record ExportedRelation(String id, String from, String to, String type, String author, Instant created) {}
