package org.corroborate.source;

/**
 * Published (inside the transaction) when a source's current text changes to a new version: whatever
 * keeps a source's text or its code point index must forget it.
 */
public record SourceTextRevised(long sourceId, int number) {}
