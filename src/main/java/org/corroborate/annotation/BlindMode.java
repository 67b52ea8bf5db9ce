package org.corroborate.annotation;

import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule of blind mode: whether the signed-in person may read colleagues' work on a source.
 *
 * <p>A source in blind mode hides from a reviewer of its project who has not submitted it
 * ({@link ReviewProgress#hasSubmitted}) everything that comes from, or was derived from, anyone
 * else's work on it: colleagues' annotations and their history, colleagues' verdicts (also on the
 * reviewer's own annotations) and their tallies, colleagues' review statuses, the supervisors'
 * decisions with their reasons, and the gold layer; so also what is built from them (exports in
 * every format and layer, the export manifest's counts, audit timelines of those entities, live
 * pushes). The reviewer's own work stays readable. Supervisors of the project and administrators
 * read everything; a source not in blind mode hides nothing; a reviewer whose submission a
 * supervisor reopens is blind again until they submit again.
 *
 * <p>Every door that shows work on a source asks this, and nothing else, whether it may show a
 * colleague's part: {@code AnnotationService}, {@code AssessmentService}, {@code ReviewStatusService}
 * and {@code AdjudicationService} do, and what reads through them (exports, the workspace's panels,
 * any view of the gold layer) inherits it. <b>Corpus search (issue 16) must use it too</b>: a hit in a
 * colleague's annotation, a verdict, a decision or the gold layer of a blind source is left out for a
 * caller to whom {@link #seesColleaguesWork} says false, exactly as here. (Live pushes to other
 * people's open views are decided per recipient at delivery by {@code AnnotationBroadcaster}, which
 * applies the same rule for someone other than the caller.)
 */
@Component
public class BlindMode {

    private final SourceService sources;
    private final ProjectService projects;
    private final ReviewProgress progress;
    private final CurrentActor actor;

    /**
     * @param progress lazily resolved: its implementation ({@code ReviewStatusService}) asks this rule
     *                 itself, for the statuses a reviewer may read
     */
    BlindMode(SourceService sources, ProjectService projects, @Lazy ReviewProgress progress, CurrentActor actor) {
        this.sources = sources;
        this.projects = projects;
        this.progress = progress;
        this.actor = actor;
    }

    /**
     * Whether the signed-in person may read colleagues' work on this source now; 404 for a source
     * outside the caller's projects.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean seesColleaguesWork(long sourceId) {
        return seesColleaguesWork(sources.summary(sourceId));
    }

    /** As {@link #seesColleaguesWork(long)}, for a source the caller has already read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean seesColleaguesWork(SourceSummary source) {
        if (!source.blind() || projects.oversees(source.project())) {
            return true;
        }
        return progress.hasSubmitted(source.id(), actor.require());
    }
}
