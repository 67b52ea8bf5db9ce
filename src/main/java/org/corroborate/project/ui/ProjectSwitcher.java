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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;

/**
 * The project switcher in the top bar: the current project's name, and in its list every project the
 * person may read with their roles there. Choosing one makes it current and shows the page again for
 * it; on a page about one object (a source, a curation) it goes to the library instead, since that
 * object belongs to the project left behind; on the projects page it shows the chosen project. After every navigation it shows the project then current
 * (opening a source of another project makes that project current).
 */
class ProjectSwitcher extends Div implements AfterNavigationObserver {

    private final CurrentProject current;
    private final Select<ProjectDetails> select = new Select<>();

    ProjectSwitcher(ProjectService projects, CurrentProject current) {
        this.current = current;
        addClassName("cb-project-switcher");
        List<ProjectDetails> readable = projects.list();
        if (readable.isEmpty()) {
            Span none = new Span("No project");
            none.setId("project-switcher");
            none.addClassName("cb-project-none");
            none.getElement().setAttribute("title", "You are not in any project yet: ask an administrator to add you.");
            add(none);
            return;
        }
        Map<Long, String> roles = readable.stream().collect(Collectors.toMap(ProjectDetails::id,
                p -> ProjectRoles.describe(projects.rolesIn(p.id()))));
        select.setId("project-switcher");
        select.setAriaLabel("Project");
        select.setTooltipText("The project you are working in");
        select.setPrefixComponent(VaadinIcon.FOLDER_OPEN_O.create());
        select.setItems(readable);
        select.setItemLabelGenerator(ProjectDetails::name);
        select.setRenderer(new ComponentRenderer<Component, ProjectDetails>(p -> item(p, roles)));
        show();
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                current.set(e.getValue().id());
                long chosen = e.getValue().id();
                getUI().ifPresent(ui -> showAgain(ui, chosen));
            }
        });
        add(select);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        show();
    }

    private void show() {
        Optional<Long> id = current.id();
        select.getListDataView().getItems().filter(p -> id.isPresent() && p.id().equals(id.get())).findFirst()
                .ifPresent(select::setValue);
    }

    private static Div item(ProjectDetails project, Map<Long, String> roles) {
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
