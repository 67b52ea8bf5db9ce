package org.corroborate.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.corroborate.base.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets Spring Security sign people in against the account table; disabled accounts are refused. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final ObjectProvider<ProjectRoleDirectory> projectRoles;

    AccountUserDetailsService(AccountRepository accounts, ObjectProvider<ProjectRoleDirectory> projectRoles) {
        this.accounts = accounts;
        this.projectRoles = projectRoles;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .disabled(!account.isEnabled())
                .roles(rolesOf(account).stream().map(Role::name).toArray(String[]::new))
                .build();
    }

    /**
     * The account's workbench-wide roles and every role it holds in some project: what it signs in with,
     * by password or by API token.
     */
    Set<Role> rolesOf(Account account) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.getRoles());
        ProjectRoleDirectory directory = projectRoles.getIfAvailable();
        if (directory != null) {
            roles.addAll(directory.rolesInAnyProject(account.getUsername()));
        }
        return roles;
    }
}
