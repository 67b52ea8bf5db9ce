package org.corroborate.exchange;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an export's zip is built before the first byte goes to the client: in memory up to
 * {@value #IN_MEMORY} bytes, then in a temporary file, deleted on {@link #close}. An export that
 * fails therefore fails before the response starts, and the client gets an error, not a broken
 * download with status 200.
 */
public final class ExportSpool extends OutputStream implements Closeable {

    static final int IN_MEMORY = 16 << 20;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 16);
    private Path file;
    private OutputStream onDisk;
    private long size;

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
        size += len;
    }

    private OutputStream target(int more) throws IOException {
        if (onDisk == null && size + more > IN_MEMORY) {
            file = Files.createTempFile("corroborate-export-", ".zip");
            onDisk = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            memory.writeTo(onDisk);
            memory = null;
        }
        return onDisk != null ? onDisk : memory;
    }

    /** The zip's size in bytes, for Content-Length. */
    public long size() {
        return size;
    }

    /** Sends the whole zip. */
    public void transferTo(OutputStream out) throws IOException {
        if (onDisk != null) {
            onDisk.flush();
            Files.copy(file, out);
        } else {
            memory.writeTo(out);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (onDisk != null) {
            onDisk.close();
            Files.deleteIfExists(file);
        }
        memory = null;
    }
}
