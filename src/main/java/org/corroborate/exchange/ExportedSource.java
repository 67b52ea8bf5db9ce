package org.corroborate.exchange;

import java.util.List;
import org.corroborate.source.SourceSummary;

/** One source with its text and the spans of the chosen layer: what a format writes per source. */
public record ExportedSource(SourceSummary source, String text, List<ExportedSpan> spans) {}
