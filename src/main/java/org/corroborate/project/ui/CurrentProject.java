package org.corroborate.project.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.springframework.stereotype.Component;

/**
 * The project a person is working in, in the UI: the one they last chose in this browser session
 * (the switcher in the app frame), or else the first project they may read. Views that show one
 * project's work (library, scheme, progress, agreement, curation, exchange, audit) ask here.
 */
@Component
public class CurrentProject {

    private static final String ATTRIBUTE = CurrentProject.class.getName();

    private final ProjectService projects;

    CurrentProject(ProjectService projects) {
        this.projects = projects;
    }

    /** The current project, or empty when the person belongs to no project. */
    public Optional<ProjectDetails> get() {
        List<ProjectDetails> readable = projects.list();
        Long chosen = session().map(s -> (Long) s.getAttribute(ATTRIBUTE)).orElse(null);
        return readable.stream().filter(p -> p.id().equals(chosen)).findFirst()
                .or(() -> readable.stream().findFirst());
    }

    /** The current project's id, or empty when the person belongs to no project. */
    public Optional<Long> id() {
        return get().map(ProjectDetails::id);
    }

    /** Makes a project current for the rest of this browser session; 404 if the person may not read it. */
    public void set(long projectId) {
        projects.requireReadable(projectId);
        session().ifPresent(s -> s.setAttribute(ATTRIBUTE, projectId));
    }

    private static Optional<VaadinSession> session() {
        return Optional.ofNullable(VaadinSession.getCurrent());
    }
}
