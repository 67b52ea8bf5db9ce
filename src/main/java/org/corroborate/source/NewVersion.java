package org.corroborate.source;

import java.util.List;

/**
 * A revised text ready to become a source's next version: normalised ({@link SourceText#normalise}),
 * checked, with the file it came from ({@code fileName}, {@code originalSha256}, {@code mediaType};
 * null for a text given as such) and the code point offsets where its pages start (empty if not paged).
 */
public record NewVersion(String text, String fileName, String originalSha256, String mediaType,
                         List<Integer> pageStarts) {

    public NewVersion {
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
    }
}
