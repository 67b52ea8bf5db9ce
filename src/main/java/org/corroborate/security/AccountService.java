package org.corroborate.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and roles: the only door to account data. Every change is audited. */
@Service
@Transactional
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    /** The rule for account names, in words; names of people in imported files follow it too. */
    public static final String USERNAME_RULE = "2 to 40 characters: lower-case letters, digits, '.', '_' or '-', "
            + "starting with a letter";

    /** Whether a name follows the rule for account names (see {@link #USERNAME_RULE}). */
    public static boolean isUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }
    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentActor actor;
    private final SignedInSessions sessions;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
                   Clock clock, CurrentActor actor, SignedInSessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.actor = actor;
        this.sessions = sessions;
    }

    @PreAuthorize(Roles.ADMINISTERS)
    @Transactional(readOnly = true)
    public List<AccountDetails> list() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(Account::toDetails).toList();
    }

    @PreAuthorize(Roles.ADMINISTERS)
    public AccountDetails create(NewAccount request) {
        checkPassword(request.password(), request.username(), request.displayName());
        return insert(request);
    }

    @PreAuthorize(Roles.ADMINISTERS)
    public AccountDetails changeRoles(long id, Set<Role> roles) {
        roles = workbenchRoles(roles);
        Account account = load(id);
        AccountDetails before = account.toDetails();
        if (before.has(Role.ADMIN) && before.enabled() && !roles.contains(Role.ADMIN)) {
            refuseSelf(account, "remove your own administrator role");
            refuseLastAdmin(account, "remove the administrator role from");
        }
        account.setRoles(roles);
        sessions.end(account.getUsername());
        return saved(account, "account.roles-changed", before);
    }

    @PreAuthorize(Roles.ADMINISTERS)
    public AccountDetails setEnabled(long id, boolean enabled) {
        Account account = load(id);
        AccountDetails before = account.toDetails();
        if (before.enabled() == enabled) {
            return before;
        }
        if (!enabled) {
            refuseSelf(account, "disable your own account");
            if (before.has(Role.ADMIN)) {
                refuseLastAdmin(account, "disable");
            }
        }
        account.setEnabled(enabled);
        if (!enabled) {
            sessions.end(account.getUsername());
        }
        return saved(account, enabled ? "account.enabled" : "account.disabled", before);
    }

    @PreAuthorize(Roles.ADMINISTERS)
    public AccountDetails resetPassword(long id, String newPassword) {
        Account account = load(id);
        checkPassword(newPassword, account.getUsername(), account.getDisplayName());
        AccountDetails before = account.toDetails();
        account.setPasswordHash(passwords.encode(newPassword));
        sessions.end(account.getUsername());
        AccountDetails after = accounts.saveAndFlush(account).toDetails();
        // The hash is never put in the audit trail; the event says only that it changed.
        events.publishEvent(Change.updated("account.password-reset", "Account", id, null,
                before, Map.of("account", after, "passwordChanged", true), null));
        return after;
    }

    /** The usernames of the enabled accounts, for choosing project members and reviewers. */
    @Transactional(readOnly = true)
    public List<String> enabledUsernames() {
        return accounts.findAllByOrderByUsernameAsc().stream().filter(Account::isEnabled)
                .map(Account::getUsername).toList();
    }

    /**
     * Ends the account's browser sessions because what it may do changed elsewhere (its roles in
     * projects): the person signs in again and gets the roles they now hold.
     */
    public void endSessions(String username) {
        sessions.end(username);
    }

    /** Whether an account with that username exists (enabled or not). */
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return username != null && accounts.existsByUsername(username);
    }

    boolean isEmpty() {
        return accounts.count() == 0;
    }

    /** Start-up only: creates a demo account without the password policy (demo passwords are short on purpose). */
    AccountDetails bootstrap(NewAccount request) {
        return insert(request);
    }

    /** Start-up only: creates the first administrator from configuration, under the password policy. */
    AccountDetails bootstrapAdministrator(NewAccount request) {
        checkPassword(request.password(), request.username(), request.displayName());
        return insert(request);
    }

    private AccountDetails insert(NewAccount request) {
        String username = request.username() == null ? "" : request.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw WorkbenchException.badInput("A username is " + USERNAME_RULE + ".");
        }
        Set<Role> roles = workbenchRoles(request.roles());
        if (request.password() == null || request.password().isEmpty()) {
            throw WorkbenchException.badInput("A password is required.");
        }
        if (accounts.existsByUsername(username)) {
            throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE,
                    "An account named '" + username + "' already exists.");
        }
        TextRules.line("displayName", request.displayName());
        String displayName = request.displayName() == null || request.displayName().isBlank()
                ? username : request.displayName().trim();
        Account account = accounts.saveAndFlush(new Account(username, displayName,
                passwords.encode(request.password()), roles, clock.instant()));
        AccountDetails after = account.toDetails();
        events.publishEvent(Change.created("account.created", "Account", account.getId(), null, after));
        return after;
    }

    /**
     * The workbench-wide roles of an account: ADMIN or none. Reviewing and supervising are roles in a
     * project, given on the project's members (ProjectService), so they are refused here.
     */
    private static Set<Role> workbenchRoles(Set<Role> roles) {
        Set<Role> held = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (!Role.WORKBENCH_WIDE.containsAll(held)) {
            throw WorkbenchException.badInput("REVIEWER and SUPERVISOR are roles in a project: add the account to a "
                    + "project's members with them. An account itself is an administrator or not.");
        }
        return held;
    }

    private AccountDetails saved(Account account, String action, AccountDetails before) {
        AccountDetails after = accounts.saveAndFlush(account).toDetails();
        events.publishEvent(Change.updated(action, "Account", account.getId(), null, before, after, null));
        return after;
    }

    private Account load(long id) {
        return accounts.findById(id)
                .orElseThrow(() -> WorkbenchException.notFound("There is no account with id " + id + "."));
    }

    private static void checkPassword(String password, String... context) {
        PasswordPolicy.problem(password, context).ifPresent(problem -> {
            throw WorkbenchException.badInput(problem);
        });
    }

    private void refuseSelf(Account account, String what) {
        if (actor.name().filter(account.getUsername()::equals).isPresent()) {
            throw WorkbenchException.badInput("You cannot " + what + ": ask another administrator.");
        }
    }

    private void refuseLastAdmin(Account account, String what) {
        if (accounts.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw WorkbenchException.badInput("You cannot " + what + " '" + account.getUsername()
                    + "': it is the last enabled administrator.");
        }
    }
}
