package org.corroborate.source;

import java.time.Instant;
import java.util.List;

/**
 * One version of a source without its text. {@code number} counts from 1 (the imported text);
 * {@code sha256} is the SHA-256 of the version's text (UTF-8), {@code length} its length in code
 * points; {@code originalSha256} and {@code mediaType} describe the file it was extracted from (null for
 * a text given as such); {@code pages} are the code point offsets where its pages start (empty if not
 * paged); {@code current} says whether it is the source's current text.
 */
public record SourceVersionSummary(long source, int number, String sha256, int length, String originalSha256,
                                   String mediaType, List<Integer> pages, String createdBy, Instant createdAt,
                                   String note, boolean current) {}
