package org.corroborate.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A source's metadata and identity without its text. {@code length} counts Unicode code points,
 * like every offset outside the JVM; {@code project} is the id of the project the source belongs to.
 * {@code mediaType} and {@code originalSha256} name the file the text was read from (null for a text
 * given as JSON; the file is at {@code GET /api/sources/{id}/original}); {@code pages} holds the code
 * point offset where each page begins, in order (empty for formats without pages).
 */
public record SourceSummary(Long id, String title, String publisher, String author, String url,
                            LocalDate published, LocalDate retrieved, String language, String originFileName,
                            String importedBy, Instant importedAt, String sha256, int length, boolean blind,
                            long version, Long project, String mediaType, String originalSha256,
                            List<Integer> pages) {

    public SourceSummary {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** A summary of a source that came from no file (the shape before documents). */
    public SourceSummary(Long id, String title, String publisher, String author, String url,
                         LocalDate published, LocalDate retrieved, String language, String originFileName,
                         String importedBy, Instant importedAt, String sha256, int length, boolean blind,
                         long version, Long project) {
        this(id, title, publisher, author, url, published, retrieved, language, originFileName, importedBy,
                importedAt, sha256, length, blind, version, project, null, null, List.of());
    }

    /**
     * The page (1-based) holding a code point offset, or 0 when the source has no pages: the last page
     * whose start is at or before the offset.
     */
    public int pageAt(int offset) {
        if (pages.isEmpty()) {
            return 0;
        }
        int low = 0;
        int high = pages.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (pages.get(middle) <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    /** The first characters of the hash, enough to tell sources apart at a glance. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
