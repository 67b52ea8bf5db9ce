package org.corroborate.project.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountDetails;
import org.corroborate.security.ui.AccountsExtension;
import org.springframework.stereotype.Component;

/**
 * The accounts page's Projects column: each account's projects and its roles there, each linking to
 * the project on the projects page, where members are added and their roles chosen.
 */
@Component
class AccountProjects implements AccountsExtension {

    private final ProjectService projects;

    AccountProjects(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public String header() {
        return "Projects and roles there";
    }

    @Override
    public Function<AccountDetails, com.vaadin.flow.component.Component> cells() {
        Map<String, List<Membership>> byAccount = new HashMap<>();
        for (ProjectDetails project : projects.list()) {
            projects.members(project.id()).forEach(m -> byAccount.computeIfAbsent(m.username(), u -> new ArrayList<>())
                    .add(new Membership(project, ProjectRoles.describe(m.roles()))));
        }
        return account -> cell(byAccount.getOrDefault(account.username(), List.of()), account);
    }

    @Override
    public com.vaadin.flow.component.Component hint() {
        Anchor link = new Anchor("projects", "Projects page");
        link.getElement().setAttribute("router-link", true);
        link.setId("accounts-projects-link");
        Paragraph hint = new Paragraph();
        hint.add(new Span("An account is an administrator or not. Reviewer and supervisor are roles in a project: "
                + "add an account to a project and choose its roles there on the "), link, new Span("."));
        hint.addClassName("cb-muted");
        return hint;
    }

    private static Div cell(List<Membership> memberships, AccountDetails account) {
        Div cell = new Div();
        cell.addClassName("cb-account-projects");
        cell.getElement().setAttribute("data-account", account.username());
        if (memberships.isEmpty()) {
            Span none = new Span(account.has(Role.ADMIN) ? "oversees every project" : "in no project");
            none.addClassName("cb-muted");
            cell.add(none);
        }
        memberships.forEach(m -> {
            Anchor project = new Anchor(ProjectsView.path(m.project().id()), m.project().name());
            project.getElement().setAttribute("router-link", true);
            Span roles = new Span(" (" + m.roles() + ")");
            roles.addClassName("cb-muted");
            cell.add(new Div(project, roles));
        });
        return cell;
    }

    private record Membership(ProjectDetails project, String roles) {}
}
