package org.corroborate.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip every export is delivered in: the format's files, written one after another as the
 * export streams, then {@code manifest.json}. Each file's size and SHA-256 are taken as it is
 * written, for the manifest. Formats also report here the spans they could not represent.
 */
public final class ExportArchive {

    static final String MANIFEST = "manifest.json";

    private final ZipOutputStream zip;
    private final List<FileRecord> files = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private Entry current;

    ExportArchive(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Speed over size: the export streams while the user waits; the deflated JSON is still small.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    /**
     * Starts the next file of the archive and returns its stream; the previous file ends here.
     * Closing the returned stream is harmless: the archive closes its files itself.
     */
    public OutputStream file(String name) throws IOException {
        return file(name, null);
    }

    /** Starts a file that holds one document per source, in this order; the manifest says so. */
    public OutputStream file(String name, List<Long> documents) throws IOException {
        if (name.equals(MANIFEST) || files.stream().anyMatch(f -> f.name().equals(name))) {
            throw new IllegalArgumentException("The archive already has a file named " + name);
        }
        endFile();
        zip.putNextEntry(new ZipEntry(name));
        current = new Entry(name, documents, zip);
        return current;
    }

    /** Records a span the format could not write, and why; the manifest lists them all. */
    public void skipped(ExportedSource source, ExportedSpan span, String reason) {
        skipped.add(new Skipped(source.source().id(), span.id(), span.label(), span.start(), span.end(),
                span.author(), reason));
    }

    List<Skipped> skipped() {
        return skipped;
    }

    /** Every file written, once the last has ended ({@link #endFile()}). */
    List<FileRecord> files() {
        return files;
    }

    /** Ends the last file, writes the manifest and finishes the zip (the underlying stream stays open). */
    void finish(byte[] manifest) throws IOException {
        endFile();
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** Ends the file being written, so its size and hash are known. */
    void endFile() throws IOException {
        if (current != null) {
            current.flush();
            zip.closeEntry();
            files.add(new FileRecord(current.name, current.bytes, HexFormat.of().formatHex(current.digest.digest()),
                    current.documents));
            current = null;
        }
    }

    /** One file of the archive, as the manifest lists it. */
    public record FileRecord(String name, long bytes, String sha256, List<Long> documents) {}

    /** A span left out of the export, with the reason. */
    public record Skipped(long source, String span, String label, int start, int end, String author,
                          String reason) {}

    private static final class Entry extends FilterOutputStream {

        private final String name;
        private final List<Long> documents;
        private final MessageDigest digest;
        private long bytes;

        Entry(String name, List<Long> documents, OutputStream zip) {
            super(zip);
            this.name = name;
            this.documents = documents;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
