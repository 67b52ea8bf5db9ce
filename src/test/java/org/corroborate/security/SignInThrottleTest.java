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

import org.corroborate.WorkbenchTest;
import org.corroborate.base.Role;
import org.corroborate.testing.TestAccounts;
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

    @Autowired
    org.corroborate.base.CurrentActor actor;

    @Autowired
    org.corroborate.project.ProjectService projects;

    /** A reviewer account of the test's own, signing in with {@link TestAccounts#PASSWORD}. */
    private String newAccount(String name) {
        new TestAccounts(accounts, projects, actor).create(name, Role.REVIEWER);
        return name;
    }

    /** Each test guesses from addresses of its own (198.51.100.x, for documentation), so locks never touch other tests, which sign in from 127.0.0.1. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }


    @Test
    void theApiLocksAnAccountAfterFiveWrongPasswordsWith429AndRetryAfter() throws Exception {
        String name = newAccount("guess-locked-by-the-api");
        String from = "198.51.100.1";
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/sources").with(httpBasic(name, "wrong " + i)).with(from(from)))
                    .andExpect(status().isUnauthorized());
        }
        // Even the right password is not checked while the lock holds; the answer says when to come back.
        mvc.perform(get("/api/sources").with(httpBasic(name, TestAccounts.PASSWORD)).with(from("198.51.100.2")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.error").value("too_many_failures"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("try again in")));
        // Sign-in locks are workbench-wide events: the administrator's to read, not a project's.
        mvc.perform(get("/api/audit").param("action", "sign-in.locked").param("size", "500")
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("\"" + name + "\"")));
    }

    @Test
    void aSuccessClearsTheAccountsCountAndOnlyFailuresCount() throws Exception {
        String name = newAccount("guess-cleared-by-a-success");
        String from = "198.51.100.3";
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(get("/api/sources").with(httpBasic(name, "wrong")).with(from(from)))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/sources").with(httpBasic(name, TestAccounts.PASSWORD)).with(from(from)))
                    .andExpect(status().isOk());
        }
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/sources").with(httpBasic(name, TestAccounts.PASSWORD)).with(from(from)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedToo() throws Exception {
        String from = "198.51.100.4";
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/sources").with(httpBasic("nobody-" + i, "x"))
                    .with(from(from))).andExpect(status().isUnauthorized());
        }
        // The address is locked, whichever account it tries next, even a real one with its right password.
        mvc.perform(get("/api/sources").with(httpBasic("alice", "demo")).with(from(from)))
                .andExpect(status().isTooManyRequests());
        // Other addresses are not affected.
        mvc.perform(get("/api/sources").with(httpBasic("alice", "demo")).with(from("198.51.100.5")))
                .andExpect(status().isOk());
    }

    @Test
    void aNameThatCannotBeAnAccountLocksNoOneAndNeverReachesTheAuditTrail() throws Exception {
        String from = "198.51.100.6";
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
        String name = newAccount("guess-on-the-login-form");
        String from = "198.51.100.7";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf())
                    .with(from(from))).andExpect(redirectedUrl("/login?error"));
        }
        var refused = mvc.perform(post("/login").param("username", name).param("password", TestAccounts.PASSWORD)
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
