package org.corroborate.annotation;

import java.time.Instant;
import java.util.Map;
import org.corroborate.base.Provenance;

/**
 * An annotation as the rest of the application and the API see it. {@code start} and {@code end}
 * count Unicode code points; {@code text} is the covered text. {@code imported} says who imported it,
 * when and from which file; null for work done in this workbench. {@code project} is the id of the
 * source's project; {@code schemeVersion} the number of the project's scheme version the annotation
 * was last saved under (a rename or mapping of the scheme re-saves it under the new version).
 * {@code anchorState} is {@code anchored}, or {@code orphaned} when a revision of the source did not find
 * its quote: then {@code start}, {@code end}, {@code text} and the context are those of the earlier
 * version, and an ordinary span update re-anchors it.
 */
public record AnnotationDetails(Long id, Long sourceId, int start, int end, String label,
                                Map<String, String> attributes, String note, String author, Instant createdAt,
                                Instant modifiedAt, String text, String contextBefore, String contextAfter,
                                long version, Provenance imported, Long project, int schemeVersion,
                                String anchorState) {

    /** An anchored annotation (for callers that make details by hand). */
    public AnnotationDetails(Long id, Long sourceId, int start, int end, String label,
                             Map<String, String> attributes, String note, String author, Instant createdAt,
                             Instant modifiedAt, String text, String contextBefore, String contextAfter,
                             long version, Provenance imported, Long project, int schemeVersion) {
        this(id, sourceId, start, end, label, attributes, note, author, createdAt, modifiedAt, text, contextBefore,
                contextAfter, version, imported, project, schemeVersion, "anchored");
    }

    /** Whether a revision of the source left it without a place (see {@code anchorState}). */
    public boolean orphaned() {
        return "orphaned".equals(anchorState);
    }
}
