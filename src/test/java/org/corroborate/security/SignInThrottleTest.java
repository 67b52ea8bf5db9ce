package org.corroborate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Guessing passwords: each account and each client address is locked after a few failures, for both doors. */
@WorkbenchTest
class SignInThrottleTest {

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    private String newAccount() {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, java.util.List.of(Role.ADMIN.grantedAuthority())));
        try {
            accounts.create(new NewAccount(name, "Target", "correct horse battery", EnumSet.copyOf(Set.of(Role.REVIEWER))));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        return name;
    }

    /** A client address of its own for each test, so locks never touch other tests (which sign in from 127.0.0.1). */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void theApiLocksAnAccountAfterFiveWrongPasswordsWith429AndRetryAfter() throws Exception {
        String name = newAccount();
        String from = address();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/sources").with(httpBasic(name, "wrong " + i)).with(from(from)))
                    .andExpect(status().isUnauthorized());
        }
        // Even the right password is not checked while the lock holds; the answer says when to come back.
        mvc.perform(get("/api/sources").with(httpBasic(name, "correct horse battery")).with(from(address())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.error").value("too_many_failures"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("try again in")));
        mvc.perform(get("/api/audit").param("action", "sign-in.locked").param("size", "500")
                        .with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("\"" + name + "\"")));
    }

    @Test
    void aSuccessClearsTheAccountsCountAndOnlyFailuresCount() throws Exception {
        String name = newAccount();
        String from = address();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(get("/api/sources").with(httpBasic(name, "wrong")).with(from(from)))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/sources").with(httpBasic(name, "correct horse battery")).with(from(from)))
                    .andExpect(status().isOk());
        }
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/sources").with(httpBasic(name, "correct horse battery")).with(from(from)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedToo() throws Exception {
        String from = address();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/sources").with(httpBasic("nobody-" + i + "-" + UUID.randomUUID(), "x"))
                    .with(from(from))).andExpect(status().isUnauthorized());
        }
        // The address is locked, whichever account it tries next, even a real one with its right password.
        mvc.perform(get("/api/sources").with(httpBasic("alice", "demo")).with(from(from)))
                .andExpect(status().isTooManyRequests());
        // Other addresses are not affected.
        mvc.perform(get("/api/sources").with(httpBasic("alice", "demo")).with(from(address())))
                .andExpect(status().isOk());
    }

    @Test
    void aNameThatCannotBeAnAccountLocksNoOneAndNeverReachesTheAuditTrail() throws Exception {
        String from = address();
        String hostile = "=1+2\u0000<img src=x>";
        long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/sources").with(httpBasic(hostile, "x")).with(from(from)))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_id like '%<img%' "
                + "or entity_id like '=1+2%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(before);
    }

    @Test
    void theLoginFormIsThrottledTooAndTheLoginPageLearnsWhy() throws Exception {
        String name = newAccount();
        String from = address();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf())
                    .with(from(from))).andExpect(redirectedUrl("/login?error"));
        }
        var refused = mvc.perform(post("/login").param("username", name).param("password", "correct horse battery")
                .with(csrf()).with(from(from))).andExpect(redirectedUrl("/login?error")).andReturn();
        Object why = refused.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(why).isInstanceOf(SignInThrottledException.class);
        assertThat(((SignInThrottledException) why).getMessage()).startsWith("Too many failed sign-ins");
    }

    @Test
    void theLoginFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "alice").param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "alice").param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theApiCarriesSecurityHeaders() throws Exception {
        // The UI's pages are checked over real HTTP (CrossSiteRequestTest): MockMvc cannot render them.
        for (String path : new String[] {"/api/sources"}) {
            mvc.perform(get(path).with(httpBasic("alice", "demo")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Content-Security-Policy",
                            org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
        }
    }
}
