package org.corroborate.exchange;

import java.io.Closeable;
import java.io.IOException;

/**
 * One export format. Each is one class behind this interface, collected by Spring, so adding a
 * format touches nothing else. Sources arrive one at a time, so an export streams whatever the
 * corpus size; the format writes its files into the export's archive, which adds the manifest.
 */
public interface ExportFormat {

    /** The id used in {@code ?format=}. */
    String id();

    /** The name people know the format by. */
    String title();

    /** One sentence on what the format holds and what reads it. */
    String description();

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
