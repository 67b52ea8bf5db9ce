package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.corroborate.annotation.AssignmentRule;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.StateBadge;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.source.SourceService;

/** The reviewer's status on the open source, and the button that submits it, in the workspace toolbar. */
@org.springframework.stereotype.Component
class ReviewStatusControl implements WorkspaceExtension {

    private final ReviewStatusService reviews;
    private final CurrentActor actor;
    private final ProjectService projects;
    private final SourceService sources;
    private final AssignmentRule assignments;

    ReviewStatusControl(ReviewStatusService reviews, CurrentActor actor, ProjectService projects,
                        SourceService sources, AssignmentRule assignments) {
        this.assignments = assignments;
        this.reviews = reviews;
        this.actor = actor;
        this.projects = projects;
        this.sources = sources;
    }

    @Override
    public Component toolbarItem(Workspace workspace) {
        String me = actor.require();
        StateBadge status = new StateBadge(ReviewState.NOT_STARTED.name(), ReviewState.NOT_STARTED.title());
        status.setId("review-status");
        Runnable show = () -> {
            ReviewState state = reviews.statusOf(workspace.sourceId(), me).status();
            status.show(state.name(), state.title());
        };
        show.run();
        workspace.onOwnChange(show);
        // A supervisor reopening the review, or the viewer submitting elsewhere, shows here at once.
        workspace.onReviewChange(change -> {
            if (me.equals(change.reviewer())) {
                show.run();
            }
        });
        Button submit = new Button("Submit my review", e -> {
            reviews.submit(workspace.sourceId());
            Notifications.success("Submitted. Your review of this source is marked done.");
            show.run();
            workspace.visibilityChanged();
        });
        submit.setId("submit-review");
        submit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        boolean reviewer = projects.holds(sources.summary(workspace.sourceId()).project(), Role.REVIEWER);
        submit.setVisible(reviewer);
        // Submit, then straight on to the next source of the reviewer's queue (the library's listing).
        Button submitAndNext = new Button("Submit and next", e -> {
            reviews.submit(workspace.sourceId());
            Notifications.success("Submitted. On to the next source.");
            workspace.openNext();
        });
        submitAndNext.setId("submit-and-next");
        submitAndNext.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        submitAndNext.setVisible(reviewer && workspace.hasNext());
        assignments.refusal(workspace.sourceId()).ifPresent(refusal -> {
            submit.setEnabled(false);
            submit.setTooltipText(refusal);
            submitAndNext.setEnabled(false);
            submitAndNext.setTooltipText(refusal);
        });
        HorizontalLayout item = new HorizontalLayout(status, submit, submitAndNext);
        item.setAlignItems(FlexComponent.Alignment.CENTER);
        // on a phone the buttons go to the next line rather than off the screen
        item.setWrap(true);
        return item;
    }
}
