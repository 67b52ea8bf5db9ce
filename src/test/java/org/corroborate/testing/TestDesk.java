package org.corroborate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;

/**
 * A project of a test's own, with accounts of its own (password {@link TestAccounts#PASSWORD}), so
 * that a scenario with several reviewers and a supervisor touches nothing the demo accounts read.
 * Made as the demo administrator.
 */
public final class TestDesk {

    /** The project's id. */
    public final long project;

    private final SourceService sources;
    private final CurrentActor actor;

    private TestDesk(long project, SourceService sources, CurrentActor actor) {
        this.project = project;
        this.sources = sources;
        this.actor = actor;
    }

    /** Creates the project {@code name} and each account with its roles there ({@code username -> roles}). */
    public static TestDesk create(String name, Map<String, Set<Role>> members, AccountService accounts,
                                  ProjectService projects, SourceService sources, CurrentActor actor) {
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        members.keySet().forEach(people::create);
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create(name, null)).id();
        List<ProjectMembership> memberships = new ArrayList<>();
        members.forEach((username, roles) -> memberships.add(new ProjectMembership(username, roles)));
        actor.runAs("admin", Role.ADMIN, () -> projects.setMembers(project, memberships));
        return new TestDesk(project, sources, actor);
    }

    /** Imports a text into the project as the administrator; the new source's id. */
    public long source(String title, String text) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, null, null, null, null))
                .source().id();
    }
}
