package org.corroborate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.audit.AuditEventView;
import org.corroborate.audit.AuditService;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@WorkbenchTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    MockMvc mvc;

    /** An account with these workbench-wide roles (ADMIN or none); project roles are given in projects. */
    private AccountDetails create(String username, Role... roles) {
        return accounts.create(new NewAccount(username, "Dana Example", "correct horse",
                roles.length == 0 ? Set.of() : EnumSet.copyOf(Set.of(roles))));
    }

    @Test
    void anAdministratorCreatesAnAccountThatCanSignIn() throws Exception {
        String username = "dana-signs-in";
        AccountDetails created = create(username);
        assertThat(created.roles()).isEmpty();
        assertThat(created.enabled()).isTrue();
        mvc.perform(get("/api/sources").with(httpBasic(username, "correct horse"))).andExpect(status().isOk());
    }

    @Test
    void everyAccountChangeIsAuditedWithBeforeAndAfterButNeverTheHash() {
        AccountDetails created = create("dana-audited");
        accounts.changeRoles(created.id(), Set.of(Role.ADMIN));
        accounts.setEnabled(created.id(), false);
        accounts.resetPassword(created.id(), "another secret");

        var history = audit.timeline("Account", String.valueOf(created.id()));
        assertThat(history).extracting(AuditEventView::action).containsExactly(
                "account.created", "account.roles-changed", "account.disabled", "account.password-reset");
        assertThat(history).allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
        AuditEventView roles = history.get(1);
        assertThat(roles.before().get("roles").toString()).isEqualTo("[]");
        assertThat(roles.after().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(history).allSatisfy(e -> {
            assertThat(String.valueOf(e.after())).doesNotContain("bcrypt", "$2a$");
        });
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        String username = "dana-disabled";
        AccountDetails created = create(username);
        accounts.setEnabled(created.id(), false);
        mvc.perform(get("/api/sources").with(httpBasic(username, "correct horse")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aResetPasswordReplacesTheOldOne() throws Exception {
        String username = "dana-reset";
        AccountDetails created = create(username);
        assertThatThrownBy(() -> accounts.resetPassword(created.id(), "password1"))
                .hasMessageContaining("too easy to guess");
        accounts.resetPassword(created.id(), "brand new secret");
        mvc.perform(get("/api/sources").with(httpBasic(username, "correct horse")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/sources").with(httpBasic(username, "brand new secret")))
                .andExpect(status().isOk());
    }

    @Test
    void refusesBadAccountsWithClearMessages() {
        long before = accounts.list().size();
        assertThatThrownBy(() -> accounts.create(new NewAccount("Bad Name!", "", "long enough secret", Set.of())))
                .isInstanceOf(WorkbenchException.class).hasMessageContaining("A username is 2 to 40 characters");
        assertThatThrownBy(() -> accounts.create(new NewAccount("dana-refused", "", "short", Set.of())))
                .hasMessageContaining("at least 8 characters");
        // Reviewing and supervising are roles in a project, not an account's.
        assertThatThrownBy(() -> accounts.create(new NewAccount("dana-refused", "", "long enough secret",
                Set.of(Role.REVIEWER)))).hasMessageContaining("roles in a project");
        assertThatThrownBy(() -> accounts.create(new NewAccount("dana-refused", "", "long enough secret",
                Set.of(Role.SUPERVISOR, Role.ADMIN)))).hasMessageContaining("roles in a project");
        // The password policy: common, blank-only and guessable passwords are refused.
        assertThatThrownBy(() -> accounts.create(new NewAccount("dana-refused", "", "12345678", Set.of())))
                .hasMessageContaining("too easy to guess");
        assertThatThrownBy(() -> accounts.create(new NewAccount("dana-refused", "", "        ", Set.of())))
                .hasMessageContaining("only spaces");
        assertThatThrownBy(() -> create("alice"))
                .hasMessageContaining("already exists")
                .extracting(e -> ((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.DUPLICATE);
        assertThat(accounts.list()).hasSize((int) before);
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        AccountDetails admin = accounts.list().stream().filter(a -> a.username().equals("admin")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> accounts.setEnabled(admin.id(), false))
                .hasMessageContaining("cannot disable your own account");
        assertThatThrownBy(() -> accounts.changeRoles(admin.id(), Set.of()))
                .hasMessageContaining("cannot remove your own administrator role");
        assertThatThrownBy(() -> accounts.changeRoles(admin.id(), Set.of(Role.ADMIN, Role.REVIEWER)))
                .hasMessageContaining("roles in a project");
        assertThat(accounts.list()).filteredOn(a -> a.username().equals("admin"))
                .singleElement().satisfies(a -> assertThat(a.enabled()).isTrue());
    }

    @Test
    @WithMockUser(username = "alice", roles = "REVIEWER")
    void aReviewerCannotManageAccounts() {
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> create("dana-by-a-reviewer", Role.ADMIN)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPERVISOR")
    void aSupervisorCannotManageAccounts() {
        assertThatThrownBy(() -> accounts.setEnabled(1L, false)).isInstanceOf(AuthorizationDeniedException.class);
    }
}
