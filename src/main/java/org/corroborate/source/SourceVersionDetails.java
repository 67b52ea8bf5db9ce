package org.corroborate.source;

/** One version of a source with its text (offsets into it count code points). */
public record SourceVersionDetails(SourceVersionSummary version, String text) {}
