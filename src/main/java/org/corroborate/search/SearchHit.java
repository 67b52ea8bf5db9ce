package org.corroborate.search;

import java.util.List;
import java.util.Map;

/**
 * One hit. Offsets are code points into the source's current text, [start, end).
 *
 * @param kind        text or annotation
 * @param source      the source id
 * @param sourceTitle its title
 * @param project     its project id
 * @param start       where the hit starts in the source (the matched words, or the annotation's span)
 * @param end         where it ends, exclusive
 * @param text        the text in [start, end)
 * @param snippet     plain text around the hit (no markup), at most about 240 characters
 * @param highlights  the matched words inside {@code snippet}: pairs [start, end) of code point offsets
 *                    into the snippet
 * @param annotation  the annotation, for annotation hits; null for text hits
 */
public record SearchHit(SearchKind kind, long source, String sourceTitle, long project, int start, int end,
                        String text, String snippet, List<int[]> highlights, AnnotationHit annotation) {

    public SearchHit {
        highlights = List.copyOf(highlights);
    }

    /**
     * @param id         the annotation id
     * @param label      its label name
     * @param author     its author
     * @param attributes its attribute values
     * @param note       its note, or null
     * @param decision   {@code accepted}, {@code rejected} or {@code undecided} (undecided where the caller
     *                   may not read decisions)
     */
    public record AnnotationHit(long id, String label, String author, Map<String, String> attributes, String note,
                                String decision) {
        public AnnotationHit {
            attributes = Map.copyOf(attributes);
        }
    }
}
