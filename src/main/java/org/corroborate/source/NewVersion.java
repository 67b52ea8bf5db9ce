package org.corroborate.source;

import java.util.List;
import java.util.Map;

/**
 * A revised text ready to become a source's next version: normalised ({@link SourceText#normalise}),
 * checked, with the file it came from ({@code fileName}, {@code originalSha256}, {@code mediaType}, the
 * file's bytes {@code original} and its {@code metadata}; null for a text given as such) and the code
 * point offsets where its pages start (empty if not paged).
 */
public record NewVersion(String text, String fileName, String originalSha256, String mediaType,
                         List<Integer> pageStarts, byte[] original, Map<String, String> metadata) {

    public NewVersion {
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A text given as such, with no file behind it. */
    public NewVersion(String text) {
        this(text, null, null, null, List.of(), null, Map.of());
    }
}
