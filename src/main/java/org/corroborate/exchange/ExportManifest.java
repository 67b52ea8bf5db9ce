package org.corroborate.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.corroborate.audit.AuditService;
import org.corroborate.review.agreement.SpanAgreementTally;

/**
 * {@code manifest.json}, the last file of every export: what was exported, by whom and when, from
 * which application, project and scheme version (with what each scheme version changed); each source with its SHA-256 and span count; counts;
 * agreement over the exported spans; the spans left out and why (the first thousand here, every
 * one in {@code skipped.csv}); the audit chain's head at export time; and each file's size and
 * SHA-256.
 */
public record ExportManifest(String application, String version, Instant exportedAt, String exportedBy,
                             Project project, String format, String layer, Filters filters, String offsets, Scheme scheme,
                             AuditService.ChainHead auditChainHead, Counts counts, Agreement agreement,
                             List<SourceEntry> sources, List<ExportArchive.Skipped> skipped,
                             List<ExportArchive.Skipped> adjusted, List<ExportArchive.FileRecord> files) {

    public static final String OFFSETS = "Unicode code points, start inclusive, end exclusive, over the NFC text";

    public record Filters(List<Long> sources, List<String> labels, List<String> statuses) {}

    /** The project exported. */
    public record Project(long id, String name) {}

    /**
     * The project's scheme at export time: its name and own version, its version number in the
     * project ({@code schemeVersion}, which annotations record too), and what each version after the
     * first changed, so a reader of spans made under earlier versions knows what became of them.
     */
    public record Scheme(String name, String version, int schemeVersion, List<String> changes) {}

    /**
     * {@code adjusted} counts spans the format wrote otherwise than held (brat fragments, CoNLL
     * phrases split at sentence ends), {@code adjustedByReason} by what was done; {@code relations}
     * the relations between exported spans, {@code claims} the lines of {@code claims.jsonl}.
     */
    public record Counts(int sources, long spans, long skipped, Map<String, Long> skippedByReason,
                         long adjusted, Map<String, Long> adjustedByReason, Map<String, Long> spansByLabel,
                         Map<String, Long> spansByAuthor, long decisions, long relations, long claims) {}

    /** Span F1 over the exported spans; absent (with why) when the layer has no pairs of reviewers. */
    public record Agreement(String scope, SpanAgreementTally.Summary spanF1, String note) {}

    /**
     * One exported source: its text's SHA-256 and length (code points) and {@code textVersion}, the number of
     * the source's version whose text was exported (1 for a text never revised; see
     * {@code GET /api/sources/{id}/versions}): the offsets of its spans count in that text.
     */
    public record SourceEntry(long id, String title, String sha256, int length, int spans, int textVersion) {}
}
