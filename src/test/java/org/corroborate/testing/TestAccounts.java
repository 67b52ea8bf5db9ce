package org.corroborate.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountDetails;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.base.Role;

/**
 * Accounts for tests: the demo accounts every demo workbench has (password {@value #DEMO_PASSWORD}),
 * and accounts a test creates for itself, as the administrator, with {@link #PASSWORD}, a password
 * the strength policy accepts. A test names its accounts after what it does with them, so that no
 * other test signs in with them.
 */
public final class TestAccounts {

    /** The password of the demo accounts. */
    public static final String DEMO_PASSWORD = "demo";
    /** The password of every account a test creates (zxcvbn score 3 or more). */
    public static final String PASSWORD = "quiet harbour lanterns 42";
    /** The demo accounts: three reviewers, a supervisor and an administrator. */
    public static final List<String> DEMO = List.of("alice", "bob", "carol", "sam", "admin");

    private final AccountService accounts;
    private final ProjectService projects;
    private final CurrentActor actor;

    public TestAccounts(AccountService accounts, ProjectService projects, CurrentActor actor) {
        this.accounts = accounts;
        this.projects = projects;
        this.actor = actor;
    }

    /**
     * Creates {@code username} with {@link #PASSWORD}, as the demo administrator: ADMIN among
     * {@code roles} is given to the account (workbench-wide), REVIEWER and SUPERVISOR are given in
     * the project {@link TestProjects#MAIN}, beside its other members.
     */
    public AccountDetails create(String username, Role... roles) {
        return createIn(TestProjects.MAIN, username, roles);
    }

    /** As {@link #create}, with the project roles given in {@code projectId}. */
    public AccountDetails createIn(long projectId, String username, Role... roles) {
        Set<Role> workbench = EnumSet.noneOf(Role.class);
        Set<Role> inProject = EnumSet.noneOf(Role.class);
        for (Role role : roles) {
            (Role.IN_PROJECT.contains(role) ? inProject : workbench).add(role);
        }
        return actor.runAs("admin", Role.ADMIN, () -> {
            AccountDetails created = accounts.create(new NewAccount(username, "Test " + username, PASSWORD, workbench));
            if (!inProject.isEmpty()) {
                join(projectId, username, inProject);
            }
            return created;
        });
    }

    /** Gives {@code username} the roles in the project, beside its other members (as the demo administrator). */
    public void join(long projectId, String username, Set<Role> roles) {
        actor.runAs("admin", Role.ADMIN, () -> {
            List<ProjectMembership> members = new ArrayList<>(projects.members(projectId).stream()
                    .filter(m -> !m.username().equals(username)).toList());
            members.add(new ProjectMembership(username, roles));
            return projects.setMembers(projectId, members);
        });
    }

    /** The password {@code username} signs in with: a demo account's, or the one of accounts made here. */
    public static String passwordOf(String username) {
        return DEMO.contains(username) ? DEMO_PASSWORD : PASSWORD;
    }
}
