package org.corroborate.review.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corroborate.base.Role;
import org.corroborate.base.ui.StateBadge;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.source.SourceSummary;
import org.corroborate.source.ui.LibraryExtension;

/**
 * The library for a reviewer of the project: a "My review" column with their own status on each
 * source (and "Not assigned" where the project requires assignments and the source is not theirs),
 * and an "Assigned to me" filter. Supervisors who do not review there get neither.
 */
@org.springframework.stereotype.Component
class MyReviewColumn implements LibraryExtension {

    private final ProjectService projects;
    private final ReviewStatusService statuses;
    private final AssignmentService assignments;

    MyReviewColumn(ProjectService projects, ReviewStatusService statuses, AssignmentService assignments) {
        this.projects = projects;
        this.statuses = statuses;
        this.assignments = assignments;
    }

    @Override
    public Optional<Listing> listing(long projectId, Collection<SourceSummary> sources) {
        if (!projects.holds(projectId, Role.REVIEWER)) {
            return Optional.empty();
        }
        List<Long> ids = sources.stream().map(SourceSummary::id).toList();
        Set<Long> assigned = assignments.assignedToMe(ids);
        Map<Long, ReviewState> mine = statuses.myStates(ids);
        boolean required = projects.assignmentsRequired(projectId);
        return Optional.of(new Listing("My review", source -> {
            ReviewState state = mine.getOrDefault(source.id(), ReviewState.NOT_STARTED);
            if (required && !assigned.contains(source.id())) {
                Span free = new Span(state == ReviewState.NOT_STARTED ? "Not assigned" : state.title() + " · not assigned");
                free.addClassName("cb-muted");
                free.getElement().setAttribute("title", "Not assigned to you: the project requires assignments, so "
                        + "you may read this source but not annotate it");
                free.getElement().setAttribute("data-assigned", "false");
                return free;
            }
            StateBadge badge = new StateBadge(state.name(), state.title());
            badge.getElement().setAttribute("title", assigned.contains(source.id()) ? "Assigned to you" : "Your review");
            badge.getElement().setAttribute("data-assigned", String.valueOf(assigned.contains(source.id())));
            return badge;
        }, new Filter("assigned-to-me", "Assigned to me", source -> assigned.contains(source.id()))));
    }
}
