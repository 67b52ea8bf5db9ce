package org.corroborate.review.adjudication;

import java.util.Map;
import java.util.Set;

/**
 * A supervisor's decision on a unit: the annotations it covers, the outcome, the reason, and for an
 * accepted unit the gold span. When the gold fields are left out of an acceptance, the gold span is
 * the version named by {@code from} (or the only one given), unchanged.
 */
public record DecisionRequest(Set<Long> annotationIds, Outcome outcome, String reason, Long from, Integer start,
                              Integer end, String label, Map<String, String> attributes, String note, Long version) {}
