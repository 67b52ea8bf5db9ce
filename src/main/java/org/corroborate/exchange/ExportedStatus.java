package org.corroborate.exchange;

import java.time.Instant;

/**
 * One reviewer's review status on an exported source: IN_PROGRESS or SUBMITTED (a reviewer with
 * no status has not started), and when it last changed.
 */
public record ExportedStatus(String reviewer, String status, Instant changedAt) {}
