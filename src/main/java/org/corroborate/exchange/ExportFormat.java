package org.corroborate.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A format the corpus can be exported in (see {@link CorpusFormat} for what every format declares).
 * Sources arrive one at a time, so an export streams whatever the corpus size; the format writes
 * its files into the export's archive, which adds the manifest.
 */
public interface ExportFormat extends CorpusFormat {

    /**
     * The file of the archive that holds a source's text or spans, as {@code claims.jsonl} names it
     * beside each member; null where no one file does (CoNLL has a file per annotator).
     */
    default String fileOf(long sourceId) {
        return null;
    }

    /** Starts one export into the archive. */
    SourceWriter open(ExportArchive archive) throws IOException;

    /** Writes the sources of one export, then finishes it; closing releases whatever it holds. */
    interface SourceWriter extends Closeable {

        void write(ExportedSource source) throws IOException;

        /**
         * The export's claims, after its last source and before {@link #finish}, for a format that
         * writes them into its own files too (every export carries them in {@code claims.jsonl}).
         */
        default void claims(List<ExportedClaim> claims) throws IOException {}

        void finish() throws IOException;

        @Override
        default void close() throws IOException {}
    }
}
