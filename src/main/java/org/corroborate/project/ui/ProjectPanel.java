package org.corroborate.project.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;

/**
 * One project on the projects page: its name, description and your roles there, whether reviewers
 * work only on the sources assigned to them, its members and its guidelines. Its supervisors and
 * administrators edit them; everyone else reads.
 */
class ProjectPanel extends Div {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ProjectService projects;
    private final CurrentProject current;
    private final Div about = new Div();
    private final boolean oversees;
    private ProjectDetails project;

    /**
     * @param onChanged runs after the members changed (the page redraws its cards)
     */
    ProjectPanel(ProjectService projects, AccountService accounts, CurrentProject current, ProjectDetails project,
                 Runnable onChanged) {
        this.projects = projects;
        this.current = current;
        this.project = project;
        this.oversees = projects.oversees(project.id());
        setId("project-detail");
        addClassName("cb-project-detail");
        about.addClassName("cb-project-about");
        showAbout();
        TabSheet tabs = new TabSheet();
        tabs.setId("project-tabs");
        tabs.add("Members", new MembersEditor(projects, accounts, project.id(), oversees, onChanged));
        tabs.add("Guidelines", new GuidelinesEditor(projects, () -> this.project, oversees,
                saved -> this.project = saved));
        add(about, tabs);
    }

    private void showAbout() {
        about.removeAll();
        H3 name = new H3(project.name());
        name.setId("project-name");
        Paragraph description = new Paragraph(Optional.ofNullable(project.description()).orElse("No description."));
        description.setId("project-description");
        Span facts = new Span("Your roles: " + ProjectRoles.describe(projects.rolesIn(project.id()))
                + " · created by " + project.createdBy() + " on "
                + DATE.format(project.createdAt().atZone(ZoneId.systemDefault())));
        facts.setId("project-facts");
        facts.addClassName("cb-muted");
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        boolean isCurrent = current.id().map(project.id()::equals).orElse(false);
        if (isCurrent) {
            Span working = new Span("You are working in this project");
            working.addClassName("cb-muted");
            working.setId("project-is-current");
            actions.add(working);
        } else {
            Button use = new Button("Work in this project", VaadinIcon.ARROW_RIGHT.create(), e -> {
                current.set(project.id());
                UI.getCurrent().navigate("");
            });
            use.setId("use-project");
            use.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(use);
        }
        if (oversees) {
            Button edit = new Button("Edit name and description", VaadinIcon.EDIT.create(),
                    // The new name shows in the card, here and in the frame's switcher: draw the page again.
                    e -> ProjectDialog.edit(projects, project, saved -> UI.getCurrent().refreshCurrentRoute(true))
                            .open());
            edit.setId("edit-project");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(edit);
        }
        about.add(name, description, facts, assignmentRule(), actions);
    }

    /**
     * Whether reviewers work only on the sources assigned to them: a switch for the project's
     * supervisors and administrators, a sentence for everyone else.
     */
    private Div assignmentRule() {
        Div rule = new Div();
        rule.setId("assignment-rule");
        rule.addClassName("cb-project-rule");
        Span explained = new Span();
        explained.addClassName("cb-muted");
        Runnable explain = () -> explained.setText(project.assignmentsRequired()
                ? "Reviewers annotate, judge and submit only the sources assigned to them; they may read every source."
                : "Any reviewer of the project may annotate any of its sources.");
        explain.run();
        if (!oversees) {
            Span state = new Span(project.assignmentsRequired() ? "Assignments required. " : "Assignments optional. ");
            state.setId("assignments-required-state");
            rule.add(state, explained);
            return rule;
        }
        Checkbox required = new Checkbox("Reviewers work only on the sources assigned to them",
                project.assignmentsRequired());
        required.setId("assignments-required");
        required.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                project = projects.requireAssignments(project.id(), e.getValue(), project.version());
                Notifications.success(e.getValue() ? "Reviewers now work only on the sources assigned to them."
                        : "Any reviewer of the project may now annotate any of its sources.");
            } catch (WorkbenchException refused) {
                Notifications.error(refused.getMessage());
                required.setValue(e.getOldValue());
            }
            explain.run();
        });
        rule.add(required, explained);
        return rule;
    }
}
