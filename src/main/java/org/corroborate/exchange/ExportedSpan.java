package org.corroborate.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.corroborate.base.Provenance;

/**
 * One span as every format writes it: code point offsets, label, the covered text, who made it and
 * when, its attributes and note, colleagues' verdicts, for gold spans the decision behind it, and
 * for imported spans who imported it, when and from which file (left out for work done here), and
 * for reviewers' spans the number of the project's scheme version they were last saved under (left
 * out for gold spans, whose decision names its own time). {@code assessments} gives each colleague's
 * verdict by name, as every format can carry it; {@code verdicts} the same verdicts in full, with
 * their comments, times and provenance (null, and left out, for gold spans). {@code page} is the
 * 1-based page of the source's original document where the span starts (left out when the source
 * has no pages; see {@link ExportedSource}).
 */
public record ExportedSpan(String id, int start, int end, String label, String text, String author,
                           Instant created, Instant modified, Map<String, String> attributes, String note,
                           Map<String, String> assessments, Gold gold,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Provenance imported,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer schemeVersion,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ExportedVerdict> verdicts,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer page) {

    /** A span with its verdicts in full, its page not given. */
    public ExportedSpan(String id, int start, int end, String label, String text, String author, Instant created,
                        Instant modified, Map<String, String> attributes, String note,
                        Map<String, String> assessments, Gold gold, Provenance imported, Integer schemeVersion,
                        List<ExportedVerdict> verdicts) {
        this(id, start, end, label, text, author, created, modified, attributes, note, assessments, gold, imported,
                schemeVersion, verdicts, null);
    }

    /** This span on a page (1-based) of its source's original document. */
    public ExportedSpan onPage(int page) {
        return new ExportedSpan(id, start, end, label, text, author, created, modified, attributes, note, assessments,
                gold, imported, schemeVersion, verdicts, page);
    }

    /** A span with its scheme version, its verdicts given by name only. */
    public ExportedSpan(String id, int start, int end, String label, String text, String author, Instant created,
                        Instant modified, Map<String, String> attributes, String note,
                        Map<String, String> assessments, Gold gold, Provenance imported, Integer schemeVersion) {
        this(id, start, end, label, text, author, created, modified, attributes, note, assessments, gold, imported,
                schemeVersion, null);
    }

    /** A span made in this workbench, its scheme version not given. */
    public ExportedSpan(String id, int start, int end, String label, String text, String author, Instant created,
                        Instant modified, Map<String, String> attributes, String note,
                        Map<String, String> assessments, Gold gold) {
        this(id, start, end, label, text, author, created, modified, attributes, note, assessments, gold, null, null);
    }

    /** A span, imported or not, its scheme version not given. */
    public ExportedSpan(String id, int start, int end, String label, String text, String author, Instant created,
                        Instant modified, Map<String, String> attributes, String note,
                        Map<String, String> assessments, Gold gold, Provenance imported) {
        this(id, start, end, label, text, author, created, modified, attributes, note, assessments, gold, imported,
                null);
    }

    /** The adjudication a gold span came from. */
    public record Gold(long decisionId, String decidedBy, Instant decidedAt, String reason, List<Long> basedOn) {}
}
