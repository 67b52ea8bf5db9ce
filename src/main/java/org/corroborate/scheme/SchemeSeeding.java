package org.corroborate.scheme;

import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.startup.StartupTask;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the first accounts and the demo data: every project without a scheme version
 * (the default project the migration to projects made, say) gets the template as version 1, as
 * {@code system}, audited. Projects created later get theirs when they are created. A start-up task,
 * so that two nodes starting together do not both seed the same project.
 */
@Component
@Order(-10)
class SchemeSeeding implements StartupTask {

    private final SchemeService schemes;
    private final ProjectService projects;
    private final CurrentActor actor;

    SchemeSeeding(SchemeService schemes, ProjectService projects, CurrentActor actor) {
        this.schemes = schemes;
        this.projects = projects;
        this.actor = actor;
    }

    @Override
    public void run() {
        actor.runAs("system", Role.ADMIN, () -> {
            for (ProjectDetails project : projects.list()) {
                schemes.seed(project.id());
            }
            return null;
        });
    }
}
