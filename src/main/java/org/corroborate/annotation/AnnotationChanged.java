package org.corroborate.annotation;

/**
 * Published after an annotation change commits, for live views: the annotation as it now is, or
 * the id of the one deleted.
 */
public record AnnotationChanged(long sourceId, AnnotationDetails annotation, Long deletedId, String actor) {

    public boolean isDeletion() {
        return deletedId != null;
    }
}
