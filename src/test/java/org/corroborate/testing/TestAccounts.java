package org.corroborate.testing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.corroborate.base.CurrentActor;
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
    private final CurrentActor actor;

    public TestAccounts(AccountService accounts, CurrentActor actor) {
        this.accounts = accounts;
        this.actor = actor;
    }

    /** Creates {@code username} with {@code roles} and {@link #PASSWORD}, as the demo administrator. */
    public AccountDetails create(String username, Role... roles) {
        return actor.runAs("admin", Role.ADMIN, () -> accounts.create(new NewAccount(username, "Test " + username,
                PASSWORD, EnumSet.copyOf(Set.of(roles)))));
    }

    /** The password {@code username} signs in with: a demo account's, or the one of accounts made here. */
    public static String passwordOf(String username) {
        return DEMO.contains(username) ? DEMO_PASSWORD : PASSWORD;
    }
}
