package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;

/** In the workspace toolbar of a supervisor of the source's project: the way to the source's curation. */
@org.springframework.stereotype.Component
class CurationLink implements WorkspaceExtension {

    private final ProjectService projects;
    private final SourceService sources;

    CurationLink(ProjectService projects, SourceService sources) {
        this.projects = projects;
        this.sources = sources;
    }

    @Override
    public Component toolbarItem(Workspace workspace) {
        if (!projects.holds(sources.summary(workspace.sourceId()).project(), Role.SUPERVISOR)) {
            return null;
        }
        Button curate = new Button("Adjudicate", e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate("curate/" + workspace.sourceId())));
        curate.setId("open-curation");
        curate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return curate;
    }
}
