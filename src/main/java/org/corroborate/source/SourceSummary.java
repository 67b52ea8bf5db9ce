package org.corroborate.source;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A source's metadata and identity without its text. {@code length} counts Unicode code points,
 * like every offset outside the JVM; {@code project} is the id of the project the source belongs to.
 */
public record SourceSummary(Long id, String title, String publisher, String author, String url,
                            LocalDate published, LocalDate retrieved, String language, String originFileName,
                            String importedBy, Instant importedAt, String sha256, int length, boolean blind,
                            long version, Long project) {

    /** The first characters of the hash, enough to tell sources apart at a glance. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
