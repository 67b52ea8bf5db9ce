package org.corroborate.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A supervisor's decision on a unit of reviewers' spans: accepted into gold (with the gold span) or
 * rejected; {@code basedOn} names the exported spans it judged.
 */
public record ExportedDecision(String id, String outcome, Integer start, Integer end, String label, String text,
                               Map<String, String> attributes, String note, List<String> basedOn, String reason,
                               String decidedBy, Instant decidedAt) {}
