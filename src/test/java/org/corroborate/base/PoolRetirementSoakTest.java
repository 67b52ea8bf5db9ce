package org.corroborate.base;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No time bombs: every write path keeps working after the pool has retired its connections, the
 * one Flyway migrated with included. Hikari retires a connection after {@code max-lifetime} (30
 * minutes by default); here the pool is told to retire them all at once, twice, so the test takes
 * seconds, and each time it checks that the H2 sessions seen before are really gone.
 */
@WorkbenchTest
class PoolRetirementSoakTest {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyWritePathSucceedsAfterThePoolRetiredItsConnections() throws Exception {
        HttpApi api = new HttpApi(port);
        for (int round = 0; round < 2; round++) {
            retireEveryConnection();
            everyWritePath(api, round);
        }
    }

    private void retireEveryConnection() {
        long newest = jdbc.queryForObject("select max(session_id) from information_schema.sessions", Long.class);
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
        // The pool closes idle connections in the background; wait until no session from before is left.
        await("the pool retires its connections").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select min(session_id) from information_schema.sessions", Long.class) > newest);
    }

    private static void everyWritePath(HttpApi api, int round) throws Exception {
        String text = "The utility hid the results for months. The mayor said the water is safe. Soak round " + round + ".";
        long source = api.send("admin", "POST", "/api/sources", Map.of("title", "Soak " + round, "text", text, "project", TestProjects.MAIN))
                .expectOk("JSON import").id("id");
        api.upload("admin", "/api/sources?project=" + TestProjects.MAIN, "soak-" + round + ".txt", "Uploaded in soak round " + round)
                .expectOk("file import");
        api.send("sam", "PUT", "/api/sources/" + source + "/assignment", Map.of("reviewers", List.of("alice", "bob")))
                .expectOk("assignment");
        api.send("sam", "POST", "/api/assignments/even", Map.of("perSource", 1)).expectOk("even assignment");

        long alices = api.send("alice", "POST", "/api/sources/" + source + "/annotations",
                Map.of("start", 4, "end", 11, "label", "FACT")).expectOk("create").id("id");
        api.send("alice", "PUT", "/api/annotations/" + alices, Map.of("version", 0, "label", "ALLEGATION"))
                .expectOk("update");
        long scratch = api.send("alice", "POST", "/api/sources/" + source + "/annotations",
                Map.of("start", 12, "end", 15, "label", "QUOTE")).expectOk("create").id("id");
        api.send("alice", "DELETE", "/api/annotations/" + scratch + "?version=0", null).expectOk("delete");

        api.send("bob", "PUT", "/api/annotations/" + alices + "/assessment", Map.of("verdict", "AGREE"))
                .expectOk("first verdict");
        api.send("bob", "PUT", "/api/annotations/" + alices + "/assessment", Map.of("verdict", "DISAGREE", "comment", "a fact"))
                .expectOk("changed verdict");
        api.send("carol", "PUT", "/api/annotations/" + alices + "/assessment", Map.of("verdict", "UNSURE"))
                .expectOk("verdict");

        long decision = api.send("sam", "POST", "/api/sources/" + source + "/decisions", Map.of(
                "annotationIds", List.of(alices), "outcome", "ACCEPTED", "reason", "Hiding results is an accusation"))
                .expectOk("decision").id("id");
        api.send("sam", "PUT", "/api/decisions/" + decision, Map.of("annotationIds", List.of(alices),
                "outcome", "REJECTED", "reason", "Not supported after all", "version", 0)).expectOk("revised decision");
        api.send("alice", "POST", "/api/sources/" + source + "/annotations", Map.of("start", 41, "end", 49, "label", "QUOTE"))
                .expectOk("create");
        api.send("bob", "POST", "/api/sources/" + source + "/annotations", Map.of("start", 41, "end", 49, "label", "QUOTE"))
                .expectOk("create");
        api.send("sam", "POST", "/api/sources/" + source + "/decisions/agreed", Map.of("reason", "Both agree"))
                .expectOk("agreed decisions");

        api.send("alice", "POST", "/api/sources/" + source + "/submit", null).expectOk("submit");
        api.send("sam", "POST", "/api/sources/" + source + "/reopen", Map.of("reviewer", "alice", "reason", "One more"))
                .expectOk("reopen");
        api.send("sam", "PUT", "/api/sources/" + source + "/blind", Map.of("blind", true)).expectOk("blind on");
        api.send("sam", "PUT", "/api/sources/" + source + "/blind", Map.of("blind", false)).expectOk("blind off");

        HttpApi.Answer verify = api.send("sam", "GET", "/api/audit/verify", null).expectOk("verify");
        assertThat(verify.json().get("valid").asBoolean()).as(verify.raw()).isTrue();
    }
}
