package org.corroborate.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.ImportedAnnotation;
import org.corroborate.source.SourceDraft;

/**
 * One source as an import reads it, with where it was read. {@code draft} holds the text and
 * metadata, or is null where the format carries only the text's hash (W3C): then the source must
 * already be in the workbench. {@code sha256}, when the file gives it, must match the text.
 * {@code ignored} says, with file and line, what the file holds that the workbench has no place
 * for (brat relations, say): reported, never dropped silently. {@code blind} is the source's blind
 * mode as the file gives it (null where it does not say), and {@code statuses} its reviewers'
 * review statuses (empty where the file has none). {@code relations} are the relations between its
 * spans that the file gives (empty where it has none), naming their ends by the spans' {@code ref}.
 */
public record ImportedSource(String file, int line, SourceDraft draft, String sha256, List<ImportedSpan> spans,
                             List<Decision> decisions, List<String> ignored, Boolean blind, List<Status> statuses,
                             List<Relation> relations) {

    public ImportedSource {
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** A source whose file gives no relations. */
    public ImportedSource(String file, int line, SourceDraft draft, String sha256, List<ImportedSpan> spans,
                          List<Decision> decisions, List<String> ignored, Boolean blind, List<Status> statuses) {
        this(file, line, draft, sha256, spans, decisions, ignored, blind, statuses, List.of());
    }

    /** A source whose file says nothing of blind mode or review statuses. */
    public ImportedSource(String file, int line, SourceDraft draft, String sha256, List<ImportedSpan> spans,
                          List<Decision> decisions, List<String> ignored) {
        this(file, line, draft, sha256, spans, decisions, ignored, null, List.of(), List.of());
    }

    /**
     * One span: the file's id for it (for verdicts and decisions to refer to), where it was read,
     * the annotation, the text the file says it covers (checked, when given), colleagues' verdicts by
     * reviewer, and what more the file says of a verdict (its comment and times), by reviewer.
     */
    public record ImportedSpan(String ref, String file, int line, ImportedAnnotation annotation, String quote,
                               Map<String, String> verdicts, Map<String, VerdictNote> notes) {

        /** A span whose verdicts come by name only. */
        public ImportedSpan(String ref, String file, int line, ImportedAnnotation annotation, String quote,
                            Map<String, String> verdicts) {
            this(ref, file, line, annotation, quote, verdicts, Map.of());
        }
    }

    /** A verdict's comment (or null) and when it was first given and last changed (null: not said). */
    public record VerdictNote(String comment, Instant created, Instant modified) {}

    /** A reviewer's review status on this source as the file gives it, and when it last changed. */
    public record Status(String reviewer, String status, Instant changedAt) {}

    /** A supervisor's decision on spans of this source, which {@code basedOn} names by their file ids. */
    public record Decision(String ref, String file, int line, String outcome, Integer start, Integer end, String label,
                           Map<String, String> attributes, String note, List<String> basedOn, String reason,
                           String decidedBy, Instant decidedAt) {}

    /**
     * A relation between two spans of this source, which {@code from} and {@code to} name by their
     * {@code ref}; {@code author} null where the file names none (then the import's author makes it).
     */
    public record Relation(String ref, String file, int line, String from, String to, String type, String author) {}
}
