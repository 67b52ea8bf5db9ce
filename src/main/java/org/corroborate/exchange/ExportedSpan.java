package org.corroborate.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One span as every format writes it: code point offsets, label, the covered text, who made it and
 * when, its attributes and note, colleagues' verdicts, and for gold spans the decision behind it.
 */
public record ExportedSpan(String id, int start, int end, String label, String text, String author,
                           Instant created, Instant modified, Map<String, String> attributes, String note,
                           Map<String, String> assessments, Gold gold) {

    /** The adjudication a gold span came from. */
    public record Gold(long decisionId, String decidedBy, Instant decidedAt, String reason, List<Long> basedOn) {}
}
