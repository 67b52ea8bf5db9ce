package org.corroborate.security;

import java.util.Set;
import org.corroborate.base.Role;

/** What an administrator fills in to create an account. */
public record NewAccount(String username, String displayName, String password, Set<Role> roles) {}
