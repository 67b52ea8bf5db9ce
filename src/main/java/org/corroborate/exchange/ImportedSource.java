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
 * for (brat relations, say): reported, never dropped silently.
 */
public record ImportedSource(String file, int line, SourceDraft draft, String sha256, List<ImportedSpan> spans,
                             List<Decision> decisions, List<String> ignored) {

    /**
     * One span: the file's id for it (for verdicts and decisions to refer to), where it was read,
     * the annotation, the text the file says it covers (checked, when given), and colleagues' verdicts.
     */
    public record ImportedSpan(String ref, String file, int line, ImportedAnnotation annotation, String quote,
                       Map<String, String> verdicts) {}

    /** A supervisor's decision on spans of this source, which {@code basedOn} names by their file ids. */
    public record Decision(String ref, String file, int line, String outcome, Integer start, Integer end, String label,
                           Map<String, String> attributes, String note, List<String> basedOn, String reason,
                           String decidedBy, Instant decidedAt) {}
}
