package org.corroborate.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * The note a completed rebuild leaves in the search index folder ({@value #FILE_NAME}): which mapping
 * and which Lucene wrote the index, how many documents and when. At start the workbench compares it
 * with what it runs now; a missing note (a new folder, or a rebuild that never finished: the note is
 * deleted when a rebuild starts and written when it ends) or a different mapping or Lucene version
 * means the index must be rebuilt. A plain {@link Properties} file, so an operator can read it.
 *
 * @param mappingVersion what {@link SearchIndex#mappingVersion} gave for the mapping that wrote the index
 * @param luceneVersion  {@code org.apache.lucene.util.Version.LATEST} of the Lucene that wrote it
 * @param documents      documents the rebuild indexed
 * @param builtAt        when the rebuild ended
 */
public record IndexMarker(String mappingVersion, String luceneVersion, long documents, Instant builtAt) {

    /** The marker's file name inside the index folder. */
    public static final String FILE_NAME = "corroborate-index.properties";

    /** Why an index must be rebuilt, or {@link #CURRENT} when it need not be. */
    public enum Verdict {
        /** The marker is there and names the mapping and Lucene running now. */
        CURRENT,
        /** No marker: a new index folder, or a rebuild that did not finish. */
        MISSING,
        /** The mapping changed since the index was written (fields, types, analyzers). */
        MAPPING_CHANGED,
        /** Another Lucene version wrote the index. */
        LUCENE_CHANGED
    }

    /**
     * Compares the marker in {@code folder} with the running mapping and Lucene.
     *
     * @return {@link Verdict#MISSING} when there is no readable marker, else the first difference found
     */
    public static Verdict check(Path folder, String mappingVersion, String luceneVersion) {
        IndexMarker found = read(folder);
        if (found == null) {
            return Verdict.MISSING;
        }
        if (!found.mappingVersion().equals(mappingVersion)) {
            return Verdict.MAPPING_CHANGED;
        }
        if (!found.luceneVersion().equals(luceneVersion)) {
            return Verdict.LUCENE_CHANGED;
        }
        return Verdict.CURRENT;
    }

    /** The marker in {@code folder}, or null when there is none or it cannot be read (treated as missing). */
    public static IndexMarker read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            String mapping = properties.getProperty("mapping-version");
            String lucene = properties.getProperty("lucene-version");
            if (mapping == null || lucene == null) {
                return null;
            }
            return new IndexMarker(mapping, lucene, Long.parseLong(properties.getProperty("documents", "0")),
                    Instant.parse(properties.getProperty("built-at", Instant.EPOCH.toString())));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes this marker into {@code folder} (creating it), atomically: a crash leaves the old file or the new one. */
    public void write(Path folder) {
        Properties properties = new Properties();
        properties.setProperty("mapping-version", mappingVersion);
        properties.setProperty("lucene-version", luceneVersion);
        properties.setProperty("documents", Long.toString(documents));
        properties.setProperty("built-at", builtAt.toString());
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(FILE_NAME + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Written by Corroborate when a search index rebuild completed; "
                        + "delete it to have the index rebuilt at the next start.");
            }
            Files.move(temporary, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the search index marker in " + folder, e);
        }
    }

    /** Removes the marker from {@code folder}, if there: done when a rebuild starts, so an unfinished one is seen. */
    public static void delete(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the search index marker in " + folder, e);
        }
    }
}
