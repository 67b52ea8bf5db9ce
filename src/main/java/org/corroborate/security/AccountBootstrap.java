package org.corroborate.security;

import java.util.List;
import java.util.Set;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.WorkbenchProperties;
import org.corroborate.base.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives an empty database its first accounts: the demo accounts in demo mode, otherwise one
 * administrator whose password comes from configuration. Without one, the start is refused. A
 * start-up task: under the start-up lock, so that of two nodes starting together on one database
 * only the first creates them (and the demo projects and corpus that follow), and the second finds
 * them there.
 */
@Component
@Order(0)
class AccountBootstrap implements StartupTask {

    /**
     * The demo accounts promised in the README; their password is "demo". Their project roles are
     * given by the project feature's demo (DemoProjects) when it hears {@link DemoWorkspaceCreated}.
     */
    static final List<NewAccount> DEMO_ACCOUNTS = List.of(
            new NewAccount("alice", "Alice Reviewer", "demo", Set.of()),
            new NewAccount("bob", "Bob Reviewer", "demo", Set.of()),
            new NewAccount("carol", "Carol Reviewer", "demo", Set.of()),
            new NewAccount("sam", "Sam Supervisor", "demo", Set.of()),
            new NewAccount("admin", "Workbench Admin", "demo", Set.of(Role.ADMIN)));

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountService accounts;
    private final WorkbenchProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;

    AccountBootstrap(AccountService accounts, WorkbenchProperties properties, TransactionTemplate transaction,
                     ApplicationEventPublisher events, CurrentActor actor) {
        this.accounts = accounts;
        this.properties = properties;
        this.transaction = transaction;
        this.events = events;
        this.actor = actor;
    }

    @Override
    public void run() {
        if (!accounts.isEmpty()) {
            return;
        }
        if (properties.demo()) {
            actor.runAs("system", Role.ADMIN, () -> transaction.execute(status -> {
                DEMO_ACCOUNTS.forEach(accounts::bootstrap);
                return null;
            }));
            log.info("Demo mode: created the demo accounts {} (password 'demo')",
                    DEMO_ACCOUNTS.stream().map(NewAccount::username).toList());
            events.publishEvent(new DemoWorkspaceCreated());
            return;
        }
        String password = properties.admin().password();
        if (password == null || password.isBlank()) {
            throw new FirstAdministratorException();
        }
        String username = properties.admin().username();
        var weak = PasswordPolicy.problem(password, username);
        if (weak.isPresent()) {
            throw new FirstAdministratorException("The configured administrator password is refused: "
                    + weak.get());
        }
        try {
            actor.runAs("system", Role.ADMIN, () -> transaction.execute(status ->
                    accounts.bootstrapAdministrator(new NewAccount(username, "Administrator", password,
                            Set.of(Role.ADMIN)))));
        } catch (WorkbenchException e) {
            throw new FirstAdministratorException("The configured administrator username '" + username
                    + "' cannot be used: " + e.getMessage());
        }
        log.info("Created the first administrator account '{}' from configuration", username);
    }
}
