package org.corroborate.review;

import java.time.Instant;

/** A reviewer's state on a source, and when it last changed. */
public record ReviewStatusDetails(Long sourceId, String reviewer, ReviewState status, Instant changedAt) {}
