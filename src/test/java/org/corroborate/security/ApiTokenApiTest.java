package org.corroborate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Sha256;
import org.corroborate.project.ProjectService;
import org.corroborate.testing.Api;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal API tokens through the API: made with a password and shown once, stored as a SHA-256 only,
 * sent as {@code Authorization: Bearer}; read tokens only read; revoked, expired and disabled accounts'
 * tokens are 401 from the next request on; others' tokens are 404 to everyone but administrators; bad
 * input is 400 naming the field; creation and revocation are audited without the token; no log line
 * holds it. Each scenario works in a project and on accounts of its own.
 */
@WorkbenchTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenApiTest {

    static final String ANA = "tok-ana";
    static final String BEN = "tok-ben";
    static final String DORA = "tok-dora";
    static final String TEXT = "The reservoir report was delayed twice before the council vote.";

    static long project;
    static long source;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accountService;
    @Autowired ProjectService projectService;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        if (project == 0) {
            TestAccounts accounts = new TestAccounts(accountService, projectService, actor);
            accounts.create(ANA);
            accounts.create(BEN);
            accounts.create(DORA);
            project = api.id(api.post("admin", "/api/projects", Map.of("name", "Token test desk")));
            api.put("admin", "/api/projects/" + project + "/members", List.of(
                    Map.of("username", ANA, "roles", List.of("REVIEWER")),
                    Map.of("username", BEN, "roles", List.of("REVIEWER")),
                    Map.of("username", DORA, "roles", List.of("REVIEWER")))).andExpect(status().isOk());
            source = api.id(api.post("admin", "/api/sources", Map.of("project", project, "title", "Reservoir",
                    "text", TEXT)).andExpect(status().isCreated()));
        }
    }

    @Test
    void aTokenIsShownOnceStoredAsItsHashAndAudited(CapturedOutput output) throws Exception {
        JsonNode created = api.read(api.post(ANA, "/api/tokens", Map.of("name", "nightly export",
                "scopes", List.of("read", "write"))).andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/tokens/"))));
        String token = created.get("token").asString();
        long id = created.get("id").asLong();
        assertThat(token).startsWith("cbt_").hasSize(47);
        assertThat(created.get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(created.get("owner").asString()).isEqualTo(ANA);
        assertThat(created.get("expiresAt").isNull()).isTrue();

        String listed = api.get(ANA, "/api/tokens").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].name").value("nightly export"))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(token).doesNotContain(Sha256.hex(token.getBytes()));

        Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", id);
        assertThat(row.get("token_hash")).isEqualTo(Sha256.hex(token.getBytes()));
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(token.substring(4)));

        Map<String, Object> event = jdbc.queryForMap("select * from audit_event where action = 'token.created' "
                + "and entity_id = ?", String.valueOf(id));
        assertThat(event.get("actor")).isEqualTo(ANA);
        assertThat(event.get("project_id")).isNull();
        assertThat(String.valueOf(event.get("after_state"))).contains("nightly export")
                .doesNotContain(token).doesNotContain(token.substring(4, 20)).doesNotContain((String) row.get("token_hash"));

        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + source)).andExpect(status().isOk());
        assertThat(output.getAll()).doesNotContain(token.substring(4));
    }

    @Test
    void aWriteTokenActsAsItsOwnerAndTheAuditNamesIt() throws Exception {
        JsonNode created = api.read(api.post(BEN, "/api/tokens", Map.of("name", "tagger", "scopes", List.of("write"))));
        long id = created.get("id").asLong();
        String token = created.get("token").asString();
        JsonNode annotation = json.readTree(bearerJson(token, MockMvcRequestBuilders.post(
                "/api/sources/" + source + "/annotations"), Map.of("start", 4, "end", 20, "label", "FACT"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(annotation.get("author").asString()).isEqualTo(BEN);
        String origin = jdbc.queryForObject("select origin from audit_event where action = 'annotation.created' "
                + "and entity_id = ?", String.class, annotation.get("id").asString());
        assertThat(origin).startsWith("api ").endsWith(" token " + id);
    }

    @Test
    void aReadTokenReadsButNeverWrites() throws Exception {
        String token = tokenOf(DORA, "reader", "read");
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + source + "/annotations")).andExpect(status().isOk());
        bearer(token, MockMvcRequestBuilders.head("/api/sources/" + source)).andExpect(status().isOk());
        bearerJson(token, MockMvcRequestBuilders.post("/api/sources/" + source + "/annotations"),
                Map.of("start", 4, "end", 20, "label", "FACT"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("token_scope"));
        bearerJson(token, MockMvcRequestBuilders.put("/api/me/preferences"), Map.of("workspace.layer", "MINE"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("token_scope"));
        bearer(token, MockMvcRequestBuilders.delete("/api/annotations/1?version=0"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("token_scope"));
        Integer created = jdbc.queryForObject("select count(*) from annotation where source_id = ? and author = ?",
                Integer.class, source, DORA);
        assertThat(created).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestOn() throws Exception {
        JsonNode made = make(ANA, Map.of("name", "to revoke", "scopes", List.of("read")));
        long id = made.get("id").asLong();
        String token = made.get("token").asString();
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + source)).andExpect(status().isOk());
        api.delete(ANA, "/api/tokens/" + id).andExpect(status().isNoContent());
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + source)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.details.token").value("revoked"))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer ")));
        api.delete(ANA, "/api/tokens/" + id).andExpect(status().isNoContent()); // again: nothing changes
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.revoked' "
                + "and entity_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        api.get(ANA, "/api/tokens").andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("REVOKED"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].revokedBy").value(ANA));
    }

    @Test
    void aRevocationWrittenByAnotherNodeCountsAtOnceHere() throws Exception {
        JsonNode made = make(BEN, Map.of("name", "revoked elsewhere", "scopes", List.of("read")));
        String token = made.get("token").asString();
        bearer(token, MockMvcRequestBuilders.get("/api/tokens")).andExpect(status().isOk());
        // Another node of the workbench revokes it: it writes the row; this node caches nothing.
        jdbc.update("update api_token set revoked_at = current_timestamp, revoked_by = 'admin' where id = ?",
                made.get("id").asLong());
        bearer(token, MockMvcRequestBuilders.get("/api/tokens")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.details.token").value("revoked"));
    }

    @Test
    void aTokenRevokedWithItselfStopsAtOnce() throws Exception {
        JsonNode made = make(ANA, Map.of("name", "self-revoking", "scopes", List.of("write")));
        long id = made.get("id").asLong();
        String token = made.get("token").asString();
        bearer(token, MockMvcRequestBuilders.delete("/api/tokens/" + id)).andExpect(status().isNoContent());
        bearer(token, MockMvcRequestBuilders.get("/api/tokens")).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant soon = Instant.now().plusMillis(1500);
        JsonNode made = make(ANA, Map.of("name", "short-lived", "scopes", List.of("read"), "expiresAt",
                soon.toString()));
        assertThat(made.get("expiresAt").isNull()).isFalse();
        String token = made.get("token").asString();
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + source)).andExpect(status().isOk());
        Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 100);
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + source)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.details.token").value("expired"));
        api.get(ANA, "/api/tokens").andExpect(jsonPath("$[?(@.name == 'short-lived')].status").value("EXPIRED"));
    }

    @Test
    void aDisabledAccountsTokenIsRefusedAndTheRolesAreReadPerRequest() throws Exception {
        String name = "tok-eve";
        new TestAccounts(accountService, projectService, actor).create(name);
        long eveProject = api.id(api.post("admin", "/api/projects", Map.of("name", "Token roles desk")));
        api.put("admin", "/api/projects/" + eveProject + "/members", List.of(
                Map.of("username", name, "roles", List.of("REVIEWER")))).andExpect(status().isOk());
        long eveSource = api.id(api.post("admin", "/api/sources", Map.of("project", eveProject, "title", "Eve",
                "text", TEXT)));
        String token = tokenOf(name, "eve's", "write");
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + eveSource)).andExpect(status().isOk());

        // Out of the project: the same token now reads nothing there (roles are read on every request).
        api.put("admin", "/api/projects/" + eveProject + "/members", List.of()).andExpect(status().isOk());
        bearer(token, MockMvcRequestBuilders.get("/api/sources/" + eveSource)).andExpect(status().isNotFound());

        long id = actor.runAs("admin", Role.ADMIN, () -> accountService.list().stream()
                .filter(a -> a.username().equals(name)).findFirst().orElseThrow().id());
        actor.runAs("admin", Role.ADMIN, () -> accountService.setEnabled(id, false));
        bearer(token, MockMvcRequestBuilders.get("/api/tokens")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.details.token").value("disabled"));
        actor.runAs("admin", Role.ADMIN, () -> accountService.setEnabled(id, true));
        bearer(token, MockMvcRequestBuilders.get("/api/tokens")).andExpect(status().isOk());
    }

    @Test
    void unknownAndMalformedTokensAre401() throws Exception {
        bearer("cbt_" + "A".repeat(43), MockMvcRequestBuilders.get("/api/projects"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.details.token").value("unknown"));
        bearer("not-a-token", MockMvcRequestBuilders.get("/api/projects"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
        bearer("", MockMvcRequestBuilders.get("/api/projects")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCannotMakeTokens() throws Exception {
        String token = tokenOf(BEN, "maker", "write");
        bearerJson(token, MockMvcRequestBuilders.post("/api/tokens"), Map.of("name", "child", "scopes", List.of("read")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("cannot create tokens")));
        api.get(BEN, "/api/tokens").andExpect(jsonPath("$[?(@.name == 'child')]").isEmpty());
    }

    @Test
    void othersTokensAreNoOnesButTheAdministrators() throws Exception {
        long id = api.id(api.post(DORA, "/api/tokens", Map.of("name", "dora's own", "scopes", List.of("read"))));
        api.delete(BEN, "/api/tokens/" + id).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no token with id " + id + "."));
        api.delete(BEN, "/api/tokens/987654321").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no token with id 987654321."));
        api.get(BEN, "/api/tokens").andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        api.get(BEN, "/api/tokens?all=true").andExpect(status().isForbidden());
        api.get("admin", "/api/tokens?all=true").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].owner").value(DORA));
        api.delete("admin", "/api/tokens/" + id).andExpect(status().isNoContent());
        api.get(DORA, "/api/tokens").andExpect(jsonPath("$[?(@.id == " + id + ")].revokedBy").value("admin"));
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        expectBadInput(Map.of("name", " ", "scopes", List.of("read")), "'name' is required");
        expectBadInput(Map.of("name", "x".repeat(101), "scopes", List.of("read")), "at most 100 characters");
        expectBadInput(Map.of("name", "line\nbreak", "scopes", List.of("read")), "'name' holds the control character");
        expectBadInput(Map.of("name", "no scopes", "scopes", List.of()), "'scopes' must name at least one scope");
        expectBadInput(Map.of("name", "no scopes"), "'scopes' must name at least one scope");
        expectBadInput(Map.of("name", "admin please", "scopes", List.of("admin")), "Unknown scope 'admin'");
        expectBadInput(Map.of("name", "past", "scopes", List.of("read"), "expiresAt", "2020-01-01T00:00:00Z"),
                "'expiresAt' must be in the future");
        expectBadInput(Map.of("name", "when", "scopes", List.of("read"), "expiresAt", "next week"), "expiresAt");
        expectBadInput(Map.of("name", "day only", "scopes", List.of("read"), "expiresAt", "2027-03-01"),
                "such as \"2027-03-01T00:00:00Z\"");
        // Found by a newcomer: a year beyond what the database stores was a 500.
        for (String far : List.of("+1000000000-12-31T23:59:59Z", "+292278994-08-17T07:12:55.807Z", "3000-01-01T00:00:00Z")) {
            expectBadInput(Map.of("name", "far", "scopes", List.of("read"), "expiresAt", far),
                    "'expiresAt' may be at most 10 years ahead");
        }
        Map<String, Object> numbers = new HashMap<>(Map.of("name", 5, "scopes", List.of("read")));
        expectBadInput(numbers, "'name' must be a string");
        api.post(ANA, "/api/tokens", "{\"name\": \"broken\"").andExpect(status().isBadRequest());
        api.get(ANA, "/api/tokens").andExpect(jsonPath("$[?(@.name == 'past')]").isEmpty());
        mvc.perform(MockMvcRequestBuilders.get("/api/tokens")).andExpect(status().isUnauthorized());
    }

    /** Found by a newcomer: parallel creates (on two nodes) made 54 working tokens; the account row is locked now. */
    @Test
    void theLimitOfWorkingTokensHoldsUnderParallelCreates() throws Exception {
        String fay = "tok-fay";
        new TestAccounts(accountService, projectService, actor).create(fay);
        for (int i = 0; i < ApiTokenService.MAX_ACTIVE_PER_ACCOUNT - 5; i++) {
            make(fay, Map.of("name", "t" + i, "scopes", List.of("read")));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var answers = pool.invokeAll(java.util.stream.IntStream.range(0, 10).mapToObj(i ->
                    (java.util.concurrent.Callable<Integer>) () -> api.post(fay, "/api/tokens",
                            Map.of("name", "parallel " + i, "scopes", List.of("read"))).andReturn().getResponse().getStatus())
                    .toList());
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from api_token t join account a on a.id = t.account_id "
                + "where a.username = ? and t.revoked_at is null", Long.class, fay))
                .isEqualTo(ApiTokenService.MAX_ACTIVE_PER_ACCOUNT);
    }

    private void expectBadInput(Map<String, Object> body, String message) throws Exception {
        api.post(ANA, "/api/tokens", body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_input"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(message)));
    }

    /** Makes a token for {@code owner} with HTTP Basic; the token. */
    private String tokenOf(String owner, String name, String scope) throws Exception {
        return make(owner, Map.of("name", name, "scopes", List.of(scope))).get("token").asString();
    }

    /** Makes a token for {@code owner} with HTTP Basic; the answer (id, token, details). */
    private JsonNode make(String owner, Map<String, Object> body) throws Exception {
        return api.read(api.post(owner, "/api/tokens", body).andExpect(status().isCreated()));
    }

    private ResultActions bearer(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private ResultActions bearerJson(String token, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return bearer(token, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
