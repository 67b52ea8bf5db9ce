package org.corroborate.source.document;

/**
 * Told how far an extraction has come, for a progress bar. Called on the extracting thread; a UI must
 * hand the figures to its own thread (Vaadin: {@code UI.access}).
 */
@FunctionalInterface
public interface ExtractionProgress {

    /** Nothing is told. */
    ExtractionProgress NONE = (done, total) -> { };

    /**
     * @param pagesDone pages whose text has been read so far
     * @param totalPages the document's page count, 0 while unknown or for formats without pages
     */
    void pages(int pagesDone, int totalPages);
}
