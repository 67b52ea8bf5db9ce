package org.corroborate.review;

import java.time.Instant;
import org.corroborate.base.Provenance;

/** A verdict as the API and the views show it; {@code imported} says who imported it, when, from which file. */
public record AssessmentDetails(Long id, Long annotationId, Long sourceId, String reviewer, Verdict verdict,
                                String comment, Instant createdAt, Instant modifiedAt, long version,
                                Provenance imported) {}
