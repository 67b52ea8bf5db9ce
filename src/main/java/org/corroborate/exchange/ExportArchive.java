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
 * by reason. Spans a format wrote otherwise than the workbench holds them (split into fragments or
 * phrases, say) are reported here too, as {@code adjusted}, so the manifest and the Exchange page
 * say what changed. File names a format takes from data (an author's name) come from
 * {@link #uniqueName}: sanitised and never twice in one archive, so a zip never fails half-way with
 * a duplicate entry.
 */
public final class ExportArchive implements Closeable {

    static final String MANIFEST = "manifest.json";
    static final String SKIPPED_FILE = "skipped.csv";
    static final int SKIPPED_IN_MANIFEST = 1000;

    private final ZipOutputStream zip;
    private final String id;
    private final List<FileRecord> files = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<Skipped> adjusted = new ArrayList<>();
    private final java.util.Set<String> taken = new java.util.HashSet<>(List.of(MANIFEST, SKIPPED_FILE));
    private long adjustedCount;
    private final Map<String, Long> adjustedByReason = new TreeMap<>();
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private long skippedCount;
    private Path skippedTemp;
    private CSVPrinter skippedCsv;
    private Entry current;

    ExportArchive(OutputStream out) {
        this(out, "corpus");
    }

    /** An archive whose export has this id (the W3C collection is named after it). */
    ExportArchive(OutputStream out, String id) {
        this.id = id;
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
        return file(name, documents, null);
    }

    /**
     * Starts a file holding one annotator's documents: the manifest names the annotator beside the
     * file, since its name (from {@link #uniqueName}) may differ from theirs.
     */
    public OutputStream file(String name, List<Long> documents, String annotator) throws IOException {
        if (name.equals(MANIFEST) || name.equals(SKIPPED_FILE) && skippedCsv == null
                || files.stream().anyMatch(f -> f.name().equalsIgnoreCase(name))
                || current != null && current.name.equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("The archive already has a file named " + name);
        }
        endFile();
        taken.add(name.toLowerCase(java.util.Locale.ROOT));
        zip.putNextEntry(new ZipEntry(name));
        current = new Entry(name, documents, annotator, zip);
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

    /**
     * A file name for the archive made from data (an author's name): every character other than a
     * letter, digit, {@code .}, {@code _} or {@code -} becomes {@code _}, a leading dot too, at most
     * 100 characters, and, where that name (ignoring case) is already taken in this archive, a
     * suffix {@code -2}, {@code -3}, ... before the extension. {@code ann lee}, {@code ann_lee} and
     * {@code ann/lee} give {@code ann_lee.conll}, {@code ann_lee-2.conll} and {@code ann_lee-3.conll}.
     */
    public String uniqueName(String base, String extension) {
        String clean = base.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceFirst("^\\.", "_");
        if (clean.isEmpty()) {
            clean = "_";
        }
        if (clean.codePointCount(0, clean.length()) > 100) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, 100));
        }
        String name = clean + extension;
        if (!taken.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            // Reserved now, not when the file starts: a format names all its files before writing.
            taken.add(name.toLowerCase(java.util.Locale.ROOT));
            return name;
        }
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            name = clean + "-" + n + extension;
        }
        return name;
    }

    /**
     * Records a span the format wrote, but not as the workbench holds it: what it did (a short
     * reason, the same for every span so adjusted) and the particulars.
     */
    public void adjusted(ExportedSource source, ExportedSpan span, String reason, String detail) {
        adjustedCount++;
        adjustedByReason.merge(reason, 1L, Long::sum);
        if (adjusted.size() < SKIPPED_IN_MANIFEST) {
            adjusted.add(new Skipped(source.source().id(), span.id(), span.label(), span.start(), span.end(),
                    span.author(), reason, detail));
        }
    }

    /** The export's id, unique per export (a UUID), for formats that name what they write. */
    public String id() {
        return id;
    }

    /** The first adjusted spans, for the manifest. */
    List<Skipped> adjusted() {
        return adjusted;
    }

    long adjustedCount() {
        return adjustedCount;
    }

    Map<String, Long> adjustedByReason() {
        return adjustedByReason;
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
                    current.documents, current.annotator));
            current = null;
        }
    }

    /**
     * One file of the archive, as the manifest lists it; {@code annotator} is the author whose
     * spans a CoNLL file holds ({@code gold} for the gold layer), null for other files.
     */
    public record FileRecord(String name, long bytes, String sha256, List<Long> documents, String annotator) {}

    /** A span left out of the export, with the reason. */
    public record Skipped(long source, String span, String label, int start, int end, String author,
                          String reason, String detail) {}

    private static final class Entry extends FilterOutputStream {

        private final String name;
        private final List<Long> documents;
        private final String annotator;
        private final MessageDigest digest;
        private long bytes;

        Entry(String name, List<Long> documents, String annotator, OutputStream zip) {
            super(zip);
            this.name = name;
            this.documents = documents;
            this.annotator = annotator;
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
