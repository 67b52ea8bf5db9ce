package org.corroborate.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectContents;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;

/**
 * The projects a person may read (an administrator: all of them), each with its description, the
 * person's roles there, its member count and what {@link ProjectContents} count in it (its sources); the chosen one ({@code projects/ID}, else the current
 * project) in a {@link ProjectPanel} with its members and guidelines. Administrators create projects
 * here. A project the person may not read is answered like one that does not exist.
 */
@Route("projects")
@PageTitle("Projects · Corroborate")
@Menu(order = 40, title = "Projects", icon = "vaadin:folder-open")
@PermitAll
public class ProjectsView extends VerticalLayout implements HasUrlParameter<Long> {

    private final ProjectService projects;
    private final AccountService accounts;
    private final CurrentProject current;
    private final List<ProjectContents> contents;
    private final Div list = new Div();
    private final Div detail = new Div();
    private final boolean administers;
    private Long chosen;

    public ProjectsView(ProjectService projects, AccountService accounts, CurrentProject current, CurrentActor actor,
                        List<ProjectContents> contents) {
        this.projects = projects;
        this.contents = contents;
        this.accounts = accounts;
        this.current = current;
        this.administers = actor.has(Role.ADMIN);
        addClassName("cb-projects-page");
        H2 title = new H2("Projects");
        HorizontalLayout top = new HorizontalLayout(title);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (actor.has(Role.ADMIN)) {
            Button create = new Button("New project", VaadinIcon.PLUS.create(),
                    e -> ProjectDialog.create(projects, made -> getUI().ifPresent(
                            ui -> ui.navigate(ProjectsView.class, made.id()))).open());
            create.setId("new-project");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            top.add(create);
        }
        Paragraph intro = new Paragraph("Each project has its own sources, members, label scheme and guidelines. "
                + "Reviewers and supervisors are members of a project with that role there; "
                + (actor.has(Role.ADMIN) ? "as an administrator you see every project and appoint its first supervisor."
                        : "you see the projects you are a member of."));
        intro.addClassName("cb-muted");
        list.setId("projects");
        list.addClassName("cb-project-list");
        Div body = new Div(list, detail);
        body.addClassName("cb-projects");
        add(top, intro, body);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long projectId) {
        show(projectId);
    }

    /** The route of the page with one project chosen, for links from elsewhere. */
    static String path(long projectId) {
        return "projects/" + projectId;
    }

    private void show(Long projectId) {
        List<ProjectDetails> readable = projects.list();
        chosen = projectId != null ? projectId : current.id().orElse(null);
        list.removeAll();
        detail.removeAll();
        if (readable.isEmpty()) {
            Paragraph none = new Paragraph(administers ? "There are no projects yet: create one with New project."
                    : "You are not in any project yet — ask an administrator to add you to one.");
            none.setId("no-projects");
            none.addClassName("cb-empty-state");
            list.add(none);
            return;
        }
        readable.forEach(p -> list.add(card(p)));
        readable.stream().filter(p -> p.id().equals(chosen)).findFirst().ifPresentOrElse(
                p -> detail.add(new ProjectPanel(projects, accounts, current, p, this::redrawCards)),
                () -> {
                    Paragraph missing = new Paragraph("There is no project with id " + chosen + ".");
                    missing.setId("project-missing");
                    detail.add(new H3("No such project"), missing);
                });
    }

    /** Draws the cards again after the chosen project's members changed. */
    private void redrawCards() {
        list.removeAll();
        projects.list().forEach(p -> list.add(card(p)));
    }

    private Div card(ProjectDetails project) {
        Anchor name = new Anchor(path(project.id()), project.name());
        name.getElement().setAttribute("router-link", true);
        name.addClassName("cb-project-card-name");
        Div card = new Div(name);
        if (project.description() != null) {
            Paragraph description = new Paragraph(project.description());
            description.addClassName("cb-project-card-description");
            card.add(description);
        }
        int members = projects.members(project.id()).size();
        StringBuilder line = new StringBuilder(ProjectRoles.describe(projects.rolesIn(project.id())))
                .append(" · ").append(members).append(members == 1 ? " member" : " members");
        contents.forEach(held -> line.append(" · ").append(held.describe(project.id())));
        Span facts = new Span(line.toString());
        facts.addClassName("cb-muted");
        card.add(facts);
        card.addClassName("cb-project-card");
        card.getElement().setAttribute("data-project", String.valueOf(project.id()));
        if (project.id().equals(chosen)) {
            card.addClassName("cb-project-card-chosen");
            name.getElement().setAttribute("aria-current", "page");
        }
        return card;
    }
}
