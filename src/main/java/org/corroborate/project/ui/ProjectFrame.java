package org.corroborate.project.ui;

import org.corroborate.base.ui.FrameExtension;
import org.corroborate.project.ProjectService;
import org.springframework.stereotype.Component;

/** The project feature's part of the app frame: the {@link ProjectSwitcher} in the top bar. */
@Component
class ProjectFrame implements FrameExtension {

    private final ProjectService projects;
    private final CurrentProject current;

    ProjectFrame(ProjectService projects, CurrentProject current) {
        this.projects = projects;
        this.current = current;
    }

    @Override
    public com.vaadin.flow.component.Component navbarItem() {
        return new ProjectSwitcher(projects, current);
    }
}
