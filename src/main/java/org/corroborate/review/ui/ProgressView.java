package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.base.ui.StateBadge;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.review.assignment.ReviewerProgress;
import org.corroborate.review.assignment.SourceProgress;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;
import java.util.List;

/** Who reviews what, and how far they are: assign reviewers to sources and watch progress. */
@Route("progress")
@PageTitle("Progress · Corroborate")
@Menu(order = 55, title = "Progress", icon = "vaadin:tasks")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class ProgressView extends VerticalLayout {

    private final AssignmentService assignments;
    private final ProjectService projects;
    private final long projectId;
    private final ReviewStatusService statuses;
    private final boolean supervisor;
    private final Grid<SourceProgress> sources = new Grid<>();
    private final Grid<ReviewerProgress> reviewers = new Grid<>();

    public ProgressView(AssignmentService assignments, ProjectService projects, CurrentProject currentProject,
                        ReviewStatusService statuses) {
        this.assignments = assignments;
        this.projects = projects;
        this.statuses = statuses;
        this.projectId = currentProject.id().orElse(0L);
        this.supervisor = projects.mayRead(projectId) && projects.holds(projectId, Role.SUPERVISOR);
        setSizeFull();
        addClassName("cb-progress");

        Select<Integer> perSource = new Select<>();
        perSource.setLabel("Reviewers per source");
        perSource.setId("per-source");
        int available = Math.max(1, reviewersOfProject().size());
        perSource.setItems(IntStream.rangeClosed(1, available).boxed().toList());
        perSource.setValue(Math.min(2, available));
        Button even = new Button("Assign evenly", e -> {
            assignments.assignEvenly(projectId, perSource.getValue() == null ? 0 : perSource.getValue());
            Notifications.success("Every source has at least " + perSource.getValue() + " reviewers.");
            refresh();
        });
        even.setId("assign-evenly");
        even.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        even.setEnabled(supervisor);
        HorizontalLayout top = new HorizontalLayout(new H2("Progress"), perSource, even);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);

        sources.setId("progress-sources");
        sources.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        sources.addColumn(SourceProgress::title).setHeader("Source").setFlexGrow(2).setSortable(true);
        sources.addComponentColumn(this::states).setHeader("Reviewers").setFlexGrow(3);
        sources.addComponentColumn(row -> {
            Button edit = new Button("Assign…", e -> openAssign(row));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.getElement().setAttribute("data-source", String.valueOf(row.sourceId()));
            edit.setEnabled(supervisor);
            return edit;
        }).setWidth("7rem").setFlexGrow(0);

        reviewers.setId("progress-reviewers");
        reviewers.addThemeVariants(GridVariant.LUMO_COMPACT);
        reviewers.addColumn(ReviewerProgress::reviewer).setHeader("Reviewer");
        reviewers.addColumn(ReviewerProgress::assigned).setHeader("Sources");
        reviewers.addColumn(ReviewerProgress::notStarted).setHeader("Not started");
        reviewers.addColumn(ReviewerProgress::inProgress).setHeader("In progress");
        reviewers.addColumn(ReviewerProgress::submitted).setHeader("Submitted");
        reviewers.setAllRowsVisible(true);
        add(top, sources, new H4("Per reviewer"), reviewers);
        refresh();
    }

    private Component states(SourceProgress row) {
        Div states = new Div();
        row.reviewers().forEach((reviewer, state) -> {
            Span who = new Span(new Span(reviewer + ": "), new StateBadge(state.name(), state.title()));
            who.addClassName("cb-reviewer-state");
            states.add(who);
            if (supervisor && state == ReviewState.SUBMITTED) {
                Button reopen = new Button("reopen", e -> openReopen(row, reviewer));
                reopen.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                reopen.addClassName("cb-reopen");
                reopen.getElement().setAttribute("data-reviewer", reviewer);
                // In the reviewer's group: it keeps its distance from the next reviewer and wraps with its own.
                who.add(reopen);
            }
        });
        if (row.reviewers().isEmpty()) {
            Span none = new Span("nobody assigned");
            none.addClassName("cb-muted");
            states.add(none);
        }
        return states;
    }

    private void openAssign(SourceProgress row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reviewers of " + row.title());
        MultiSelectComboBox<String> choice = new MultiSelectComboBox<>("Reviewers");
        choice.setId("assign-reviewers");
        List<String> available = reviewersOfProject();
        choice.setItems(available);
        choice.setValue(new TreeSet<>(row.reviewers().keySet().stream().filter(available::contains).toList()));
        choice.setWidth("24rem");
        Button save = new Button("Save", e -> {
            assignments.assign(row.sourceId(), choice.getValue());
            dialog.close();
            refresh();
        });
        save.setId("assign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(choice);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openReopen(SourceProgress row, String reviewer) {
        new ReasonDialog("Reopen " + reviewer + "'s review of " + row.title(), "Reopen", reason -> {
            statuses.reopen(row.sourceId(), reviewer, reason);
            Notifications.success(reviewer + " can work on " + row.title() + " again.");
            refresh();
        }).open();
    }

    private void refresh() {
        // Progress is the project's overseers' to read; a supervisor elsewhere who only reviews here sees empty grids.
        if (!projects.mayRead(projectId) || !projects.oversees(projectId)) {
            return;
        }
        sources.setItems(assignments.progress(projectId));
        reviewers.setItems(assignments.byReviewer(projectId));
    }

    private List<String> reviewersOfProject() {
        return projects.mayRead(projectId) ? projects.membersWith(projectId, Role.REVIEWER) : List.of();
    }
}
