package org.corroborate.exchange;

import java.util.List;
import org.corroborate.source.SourceSummary;

/**
 * One source with its text and the spans of the chosen layer: what a format writes per source.
 * With every reviewer's layer come the supervisor's decisions on those spans, so the adjudication
 * can travel too; with a reviewers' layer, the review statuses of its reviewers that the caller may
 * see ({@code statuses}; null for the gold layer). The source's blind mode is in {@code source}.
 * {@code relations} are the relations between the exported spans that the caller may see (never
 * null; empty for the gold layer, which has none). When the source has pages (it came from a PDF),
 * every span gets the page it starts on.
 */
public record ExportedSource(SourceSummary source, String text, List<ExportedSpan> spans,
                             List<ExportedDecision> decisions, List<ExportedStatus> statuses,
                             List<ExportedRelation> relations) {

    public ExportedSource {
        relations = relations == null ? List.of() : List.copyOf(relations);
        if (source != null && spans != null && !source.pages().isEmpty()) {
            // Each span carries the page it starts on, for the formats that write it (docs/formats.md).
            spans = spans.stream().map(s -> s.page() != null ? s : s.onPage(source.pageAt(s.start()))).toList();
        }
    }

    /** A source without relations. */
    public ExportedSource(SourceSummary source, String text, List<ExportedSpan> spans,
                          List<ExportedDecision> decisions, List<ExportedStatus> statuses) {
        this(source, text, spans, decisions, statuses, List.of());
    }

    /** A source without review statuses (the gold layer, or a format that has no place for them). */
    public ExportedSource(SourceSummary source, String text, List<ExportedSpan> spans,
                          List<ExportedDecision> decisions) {
        this(source, text, spans, decisions, null, List.of());
    }
}
