package org.corroborate.exchange;

import java.util.List;
import org.corroborate.source.SourceSummary;

/**
 * One source with its text and the spans of the chosen layer: what a format writes per source.
 * With every reviewer's layer come the supervisor's decisions on those spans, so the adjudication
 * can travel too.
 */
public record ExportedSource(SourceSummary source, String text, List<ExportedSpan> spans,
                             List<ExportedDecision> decisions) {}
