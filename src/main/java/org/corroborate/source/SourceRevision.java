package org.corroborate.source;

/**
 * A source's text revised: the source as it is now, the version added, and the texts before and
 * after (for re-anchoring what was made on the previous text).
 */
public record SourceRevision(SourceSummary source, SourceVersionSummary version, int previousNumber,
                             String previousText, String text) {}
