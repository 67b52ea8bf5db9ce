package org.corroborate.project;

import java.util.List;
import java.util.Set;
import org.corroborate.base.AnnotationsFolder;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.security.DemoWorkspaceCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: two projects with different members, so that isolation is visible on first run. The
 * default project the migration made becomes the water inquiry (alice, bob and carol review, sam
 * supervises); a training desk holds one short text and only carol, who supervises it and reviews
 * there. Then {@link DemoProjectsCreated} lets the source library fill both.
 */
@Component
class DemoProjects {

    static final String MAIN = "Ellsworth Vale water inquiry";
    static final String SECOND = "Newsroom training desk";

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final ProjectService projects;
    private final AnnotationsFolder folder;
    private final TransactionTemplate transaction;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;

    DemoProjects(ProjectService projects, AnnotationsFolder folder, TransactionTemplate transaction,
                 CurrentActor actor, ApplicationEventPublisher events) {
        this.projects = projects;
        this.folder = folder;
        this.transaction = transaction;
        this.actor = actor;
        this.events = events;
    }

    @EventListener
    void create(DemoWorkspaceCreated event) {
        String guidelines = folder.text("guidelines.md").orElse(null);
        DemoProjectsCreated created = actor.runAs("admin", Role.ADMIN, () -> transaction.execute(status -> {
            ProjectDetails main = projects.list().getFirst();
            main = projects.update(main.id(), MAIN, "Reports on lead in Ellsworth Vale's tap water and what Harwick "
                    + "Water knew: the demo corpus.", main.version());
            projects.setGuidelines(main.id(), guidelines, main.version());
            projects.setMembers(main.id(), List.of(
                    new ProjectMembership("alice", Set.of(Role.REVIEWER)),
                    new ProjectMembership("bob", Set.of(Role.REVIEWER)),
                    new ProjectMembership("carol", Set.of(Role.REVIEWER)),
                    new ProjectMembership("sam", Set.of(Role.SUPERVISOR))));
            ProjectDetails second = projects.create(SECOND, "Practice texts for new reviewers; carol runs it.");
            projects.setGuidelines(second.id(), guidelines, second.version());
            projects.setMembers(second.id(), List.of(
                    new ProjectMembership("carol", Set.of(Role.SUPERVISOR, Role.REVIEWER))));
            return new DemoProjectsCreated(main.id(), second.id());
        }));
        log.info("Demo mode: projects '{}' (alice, bob, carol, sam) and '{}' (carol)", MAIN, SECOND);
        events.publishEvent(created);
    }
}
