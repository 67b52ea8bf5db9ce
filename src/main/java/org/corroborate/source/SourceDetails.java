package org.corroborate.source;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * A source's metadata together with its normalised text, what its original file held about itself
 * ({@code documentMetadata}, by Tika's property names; empty when it came from no document) and the
 * original file's size in bytes ({@code originalSize}, null when there is no original).
 */
public record SourceDetails(@JsonUnwrapped SourceSummary source, String text, Map<String, String> documentMetadata,
                            Long originalSize) {

    public SourceDetails {
        documentMetadata = documentMetadata == null ? Map.of() : Map.copyOf(documentMetadata);
    }

    /** A source's metadata and text, without anything about an original file. */
    public SourceDetails(SourceSummary source, String text) {
        this(source, text, Map.of(), null);
    }
}
