package org.corroborate.claim;

import java.time.Instant;

/**
 * A claim in one line, counted over the members the caller may see: how many members, from how many
 * sources, how many of them contradict the statement, and on how many kinds of detail they drift.
 */
public record ClaimSummary(long id, long project, String statement, int members, int sources, int contradictions,
                           int driftKinds, String createdBy, Instant modifiedAt, long version) {}
