package org.corroborate.exchange;

import java.io.Closeable;
import java.io.IOException;

/**
 * A format the corpus can be exported in (see {@link CorpusFormat} for what every format declares).
 * Sources arrive one at a time, so an export streams whatever the corpus size; the format writes
 * its files into the export's archive, which adds the manifest.
 */
public interface ExportFormat extends CorpusFormat {

    /** Starts one export into the archive. */
    SourceWriter open(ExportArchive archive) throws IOException;

    /** Writes the sources of one export, then finishes it; closing releases whatever it holds. */
    interface SourceWriter extends Closeable {

        void write(ExportedSource source) throws IOException;

        void finish() throws IOException;

        @Override
        default void close() throws IOException {}
    }
}
