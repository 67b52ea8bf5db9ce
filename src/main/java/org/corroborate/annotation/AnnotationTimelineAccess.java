package org.corroborate.annotation;

import java.util.Set;
import org.corroborate.audit.TimelineAccess;
import org.springframework.stereotype.Component;

/** A reviewer reads the audit timeline of an annotation they may see (as its history), and no other. */
@Component
class AnnotationTimelineAccess implements TimelineAccess {

    private final AnnotationService annotations;

    AnnotationTimelineAccess(AnnotationService annotations) {
        this.annotations = annotations;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("Annotation");
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        try {
            return annotations.mayReadHistory(Long.parseLong(entityId));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
