package org.corroborate.project.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasUrlParameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;

/**
 * The project switcher in the top bar: the current project's name, and in its list every project the
 * person may read with their roles there. Choosing one makes it current and shows the page again for
 * it; on a page about one object (a source, a curation) it goes to the library instead, since that
 * object belongs to the project left behind; on the projects page it shows the chosen project.
 * The frame outlives navigation, so after every navigation the switcher reads the projects again
 * (one may have been created, or the person added to one) and shows the project then current
 * (opening a source of another project makes that project current).
 */
class ProjectSwitcher extends Div implements AfterNavigationObserver {

    private final ProjectService projects;
    private final CurrentProject current;
    private final Select<ProjectDetails> select = new Select<>();
    private final Span none = new Span("No project");
    private final Map<Long, String> roles = new HashMap<>();

    ProjectSwitcher(ProjectService projects, CurrentProject current) {
        this.projects = projects;
        this.current = current;
        addClassName("cb-project-switcher");
        none.addClassName("cb-project-none");
        none.getElement().setAttribute("title", "You are not in any project yet: ask an administrator to add you.");
        select.setAriaLabel("Project");
        select.setTooltipText("The project you are working in");
        select.setPrefixComponent(VaadinIcon.FOLDER_OPEN_O.create());
        select.setItemLabelGenerator(ProjectDetails::name);
        select.setRenderer(new ComponentRenderer<Component, ProjectDetails>(this::item));
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                long chosen = e.getValue().id();
                current.set(chosen);
                getUI().ifPresent(ui -> showAgain(ui, chosen));
            }
        });
        add(select, none);
        show();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        show();
    }

    private void show() {
        List<ProjectDetails> readable = projects.list();
        roles.clear();
        readable.forEach(p -> roles.put(p.id(), ProjectRoles.describe(projects.rolesIn(p.id()))));
        boolean any = !readable.isEmpty();
        // The id names whichever of the two is on show.
        (any ? none : select).getElement().removeAttribute("id");
        (any ? select : none).setId("project-switcher");
        select.setVisible(any);
        none.setVisible(!any);
        select.setItems(readable);
        Optional<Long> id = current.id();
        readable.stream().filter(p -> id.isPresent() && p.id().equals(id.get())).findFirst()
                .ifPresent(select::setValue);
    }

    private Div item(ProjectDetails project) {
        Span name = new Span(project.name());
        name.addClassName("cb-project-item-name");
        Span role = new Span(roles.getOrDefault(project.id(), ""));
        role.addClassName("cb-muted");
        Div item = new Div(name, role);
        item.addClassName("cb-project-item");
        item.getElement().setAttribute("data-project", String.valueOf(project.id()));
        return item;
    }

    private static void showAgain(UI ui, long chosen) {
        if (ui.getCurrentView() instanceof ProjectsView) {
            ui.navigate(ProjectsView.class, chosen);
        } else if (ui.getCurrentView() instanceof HasUrlParameter<?>) {
            ui.navigate("");
        } else {
            ui.refreshCurrentRoute(true);
        }
    }
}
