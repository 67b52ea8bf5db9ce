package org.corroborate.source;

/** What became of one imported file or text: stored anew, or recognised as a source already held. */
public record ImportOutcome(String fileName, Status status, SourceSummary source) {

    /** Imported as a new source, or identical in content to an existing one (not stored twice). */
    public enum Status { IMPORTED, DUPLICATE }
}
