package org.corroborate.exchange.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.corroborate.base.CurrentActor;
import org.corroborate.exchange.ExportService;
import org.corroborate.exchange.ImportService;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;
import org.corroborate.source.SourceService;

/**
 * The corpus in and out: the {@link ExportPanel} (choose format, layer and filters and download the
 * export with its manifest) beside the {@link ImportPanel} (supervisors and administrators upload a
 * corpus to import, or only check, and read what it did).
 */
@Route("exchange")
@PageTitle("Exchange · Corroborate")
@Menu(order = 70, title = "Exchange", icon = "vaadin:exchange")
@PermitAll
public class ExchangeView extends VerticalLayout {

    public ExchangeView(ExportService exports, ImportService imports, SourceService library, SchemeService schemes,
                        ProjectService projects, CurrentProject currentProject, CurrentActor actor) {
        addClassName("cb-exchange");
        setWidthFull();
        Paragraph intro = new Paragraph("Every export is a zip: the format's files (relations between spans "
                + "included where the format has a place for them), the claims in claims.jsonl, and manifest.json, "
                + "with the application and scheme version, each source's SHA-256, counts, agreement, every span a "
                + "format could not hold and why, and the audit chain's head. Offsets count Unicode code points.");
        intro.addClassName("cb-muted");
        var project = currentProject.get();
        if (project.isEmpty()) {
            Paragraph none = new Paragraph("You are not a member of any project yet, so there is nothing to export "
                    + "or import into. Ask an administrator to add you to a project.");
            none.setId("exchange-no-project");
            add(new H2("Exchange"), none);
            return;
        }
        long projectId = project.get().id();
        Div cards = new Div(new ExportPanel(exports, library, schemes, projects, projectId, actor),
                new ImportPanel(imports, projectId, projects.oversees(projectId), annotators(projects, projectId),
                        projects.annotates(projectId) ? actor.require() : null));
        cards.addClassName("cb-exchange-cards");
        add(new H2("Exchange"), intro, cards);
    }

    /** Who may be named the author of spans a file names none for: the project's reviewers and supervisors. */
    private static java.util.List<String> annotators(ProjectService projects, long projectId) {
        java.util.Set<String> names = new java.util.TreeSet<>(projects.membersWith(projectId,
                org.corroborate.base.Role.REVIEWER));
        names.addAll(projects.membersWith(projectId, org.corroborate.base.Role.SUPERVISOR));
        return java.util.List.copyOf(names);
    }
}
