package org.corroborate.exchange;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corroborate.base.Sha256;
import org.corroborate.base.SpreadsheetSafe;

/**
 * The zip every export is delivered in: the format's files, written one after another as the
 * export streams, then {@code manifest.json}. Each file's size and SHA-256 are taken as it is
 * written, for the manifest. Formats also report here the spans they could not represent: every
 * one goes to {@code skipped.csv} (kept in a temporary file until the format's files are done, so
 * memory stays flat), and the manifest holds the first {@value #SKIPPED_IN_MANIFEST} and the counts
 * by reason.
 */
public final class ExportArchive implements Closeable {

    static final String MANIFEST = "manifest.json";
    static final String SKIPPED_FILE = "skipped.csv";
    static final int SKIPPED_IN_MANIFEST = 1000;

    private final ZipOutputStream zip;
    private final List<FileRecord> files = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private long skippedCount;
    private Path skippedTemp;
    private CSVPrinter skippedCsv;
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
        if (name.equals(MANIFEST) || name.equals(SKIPPED_FILE) && skippedCsv == null || files.stream().anyMatch(f -> f.name().equals(name))) {
            throw new IllegalArgumentException("The archive already has a file named " + name);
        }
        endFile();
        zip.putNextEntry(new ZipEntry(name));
        current = new Entry(name, documents, zip);
        return current;
    }

    /**
     * Records a span the format could not write: why (a short reason, the same for every span
     * skipped for it) and the particulars (which span it collides with, say).
     */
    public void skipped(ExportedSource source, ExportedSpan span, String reason, String detail) {
        Skipped entry = new Skipped(source.source().id(), span.id(), span.label(), span.start(), span.end(),
                span.author(), reason, detail);
        skippedCount++;
        skippedByReason.merge(reason, 1L, Long::sum);
        if (skipped.size() < SKIPPED_IN_MANIFEST) {
            skipped.add(entry);
        }
        try {
            if (skippedCsv == null) {
                skippedTemp = Files.createTempFile("corroborate-skipped-", ".csv");
                skippedCsv = CSVFormat.RFC4180.builder().setHeader("source", "span", "label",
                        "start", "end", "author", "reason", "detail").get().print(Files.newBufferedWriter(
                        skippedTemp, StandardCharsets.UTF_8));
            }
            skippedCsv.printRecord(entry.source(), entry.span(), entry.label(), entry.start(), entry.end(),
                    SpreadsheetSafe.cell(entry.author()), entry.reason(), entry.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first skipped spans, for the manifest. */
    List<Skipped> skipped() {
        return skipped;
    }

    long skippedCount() {
        return skippedCount;
    }

    Map<String, Long> skippedByReason() {
        return skippedByReason;
    }

    /** Ends the format's last file and adds {@code skipped.csv} when a span was skipped. */
    void endFiles() throws IOException {
        endFile();
        if (skippedCsv != null) {
            skippedCsv.close();
            try (OutputStream out = file(SKIPPED_FILE)) {
                Files.copy(skippedTemp, out);
            }
            endFile();
        }
    }

    @Override
    public void close() throws IOException {
        if (skippedCsv != null) {
            skippedCsv.close();
            Files.deleteIfExists(skippedTemp);
        }
    }

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
    private void endFile() throws IOException {
        if (current != null) {
            current.flush();
            zip.closeEntry();
            files.add(new FileRecord(current.name, current.bytes, Sha256.hex(current.digest),
                    current.documents));
            current = null;
        }
    }

    /** One file of the archive, as the manifest lists it. */
    public record FileRecord(String name, long bytes, String sha256, List<Long> documents) {}

    /** A span left out of the export, with the reason. */
    public record Skipped(long source, String span, String label, int start, int end, String author,
                          String reason, String detail) {}

    private static final class Entry extends FilterOutputStream {

        private final String name;
        private final List<Long> documents;
        private final MessageDigest digest;
        private long bytes;

        Entry(String name, List<Long> documents, OutputStream zip) {
            super(zip);
            this.name = name;
            this.documents = documents;
            this.digest = Sha256.digest();
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
