package org.corroborate.annotation;

import org.corroborate.source.SourceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blind mode and submissions as they stand now, read for someone other than the caller: for
 * pushes to other people's open views, after the writer's transaction has committed (hence a
 * new read-only transaction of its own).
 */
@Component
class AnnotationVisibility {

    private final SourceService sources;
    private final ReviewProgress progress;

    AnnotationVisibility(SourceService sources, ReviewProgress progress) {
        this.sources = sources;
        this.progress = progress;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean blind(long sourceId) {
        return sources.summary(sourceId).blind();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean submitted(long sourceId, String reviewer) {
        return progress.hasSubmitted(sourceId, reviewer);
    }
}
