package org.corroborate.exchange;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One export format. Each is one class behind this interface, collected by Spring, so adding a
 * format touches nothing else. Sources arrive one at a time, so an export streams whatever the
 * corpus size.
 */
public interface ExportFormat {

    /** The id used in {@code ?format=}. */
    String id();

    String contentType();

    String fileExtension();

    /** Starts one export on this stream. */
    SourceWriter open(OutputStream out) throws IOException;

    /** Writes the sources of one export, then finishes it. */
    interface SourceWriter {

        void write(ExportedSource source) throws IOException;

        void finish() throws IOException;
    }
}
