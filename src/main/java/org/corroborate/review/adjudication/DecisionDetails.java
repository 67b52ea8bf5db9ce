package org.corroborate.review.adjudication;

import java.time.Instant;
import java.util.Set;
import org.corroborate.base.Provenance;

/**
 * A decision as the API and views show it; {@code gold} is null when the unit was rejected;
 * {@code imported} says who imported it, when and from which file (null: made in this workbench).
 */
public record DecisionDetails(Long id, Long sourceId, Outcome outcome, GoldSpan gold, Set<Long> basedOn,
                              String reason, String decidedBy, Instant decidedAt, long version,
                              Provenance imported) {}
