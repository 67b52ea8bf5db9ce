package org.corroborate.review.assignment;

import java.util.List;
import java.util.Optional;
import org.corroborate.annotation.AssignmentRule;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment rule ({@link AssignmentRule}) from the assignments kept here: in a project that
 * requires assignments, a person who does not oversee it works only on the sources assigned to them.
 * It depends on no other service of review, so that the review status and verdict services can ask it.
 */
@Component
class RequiredAssignments implements AssignmentRule {

    private final AssignmentRepository assignments;
    private final SourceService sources;
    private final ProjectService projects;
    private final CurrentActor actor;

    RequiredAssignments(AssignmentRepository assignments, SourceService sources, ProjectService projects,
                        CurrentActor actor) {
        this.assignments = assignments;
        this.sources = sources;
        this.projects = projects;
        this.actor = actor;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> refusal(long sourceId) {
        SourceSummary source = sources.summary(sourceId);
        long projectId = source.project();
        if (!projects.assignmentsRequired(projectId) || projects.oversees(projectId)) {
            return Optional.empty();
        }
        String me = actor.require();
        if (assignments.existsBySourceIdAndReviewer(sourceId, me)) {
            return Optional.empty();
        }
        List<String> supervisors = projects.membersWith(projectId, Role.SUPERVISOR);
        String who = supervisors.isEmpty() ? "an administrator"
                : "a supervisor of the project (" + String.join(", ", supervisors) + ") or an administrator";
        return Optional.of("Source " + sourceId + " “" + source.title() + "” is not assigned to you, and project “"
                + projects.get(projectId).name() + "” requires assignments: you may read it, but you annotate, judge "
                + "and submit only the sources assigned to you. Ask " + who + " to assign it to you.");
    }
}
