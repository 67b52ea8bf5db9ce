package org.corroborate.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.corroborate.base.Provenance;

/**
 * A supervisor's decision on a unit of reviewers' spans: accepted into gold (with the gold span) or
 * rejected; {@code basedOn} names the exported spans it judged; {@code imported} says who imported
 * it, when and from which file (left out for decisions made here).
 */
public record ExportedDecision(String id, String outcome, Integer start, Integer end, String label, String text,
                               Map<String, String> attributes, String note, List<String> basedOn, String reason,
                               String decidedBy, Instant decidedAt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Provenance imported) {

    /** A decision made in this workbench. */
    public ExportedDecision(String id, String outcome, Integer start, Integer end, String label, String text,
                            Map<String, String> attributes, String note, List<String> basedOn, String reason,
                            String decidedBy, Instant decidedAt) {
        this(id, outcome, start, end, label, text, attributes, note, basedOn, reason, decidedBy, decidedAt, null);
    }
}
