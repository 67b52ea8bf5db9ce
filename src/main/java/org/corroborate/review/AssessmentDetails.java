package org.corroborate.review;

import java.time.Instant;

/** A verdict as the API and the views show it. */
public record AssessmentDetails(Long id, Long annotationId, Long sourceId, String reviewer, Verdict verdict,
                                String comment, Instant createdAt, Instant modifiedAt, long version) {}
