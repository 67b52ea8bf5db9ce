package org.corroborate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' door (docs/operations.md, "Health and metrics"): the probes are public and say
 * only their status; the Prometheus page is for administrators and carries the workbench's own
 * metrics, which count what people did.
 */
@WorkbenchTest
class HealthAndMetricsTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired MeterRegistry meters;

    Corpus corpus;

    @BeforeEach
    void setUp() {
        corpus = new Corpus(new Api(mvc, json));
    }

    @Test
    void probesArePublicAndSayNothingButTheirStatus() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(probe)).andExpect(status().isOk())
                    .andExpect(content().json("{\"status\": \"UP\"}", JsonCompareMode.STRICT));
        }
        // The whole health names its groups (the probes), and no component or detail.
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\": \"UP\", \"groups\": [\"liveness\", \"readiness\"]}",
                        JsonCompareMode.STRICT));
    }

    @Test
    void metricsAreRefusedToAnyoneButAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Corroborate\""))
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "not the password")))
                .andExpect(status().isUnauthorized());
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator"}) {
            mvc.perform(get(path).with(httpBasic("sam", "demo"))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("forbidden"));
        }
        // Endpoints that are not exposed do not exist, for administrators too.
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/env").with(httpBasic("admin", "demo")))
                .andExpect(content().string(not(containsString("propertySources"))));
    }

    @Test
    void aScraperMayUseAnAdministratorsApiTokenButNoOneElses() throws Exception {
        var admin = token("admin", "prometheus scraper");
        var sam = token("sam", "sam's reader");
        String adminToken = admin.get("token").asString();
        String samToken = sam.get("token").asString();
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk()).andExpect(content().string(containsString("workbench_")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + samToken))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer cbt_not-a-token"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
        // A revoked token is refused at the next scrape.
        for (var made : Map.of("admin", admin, "sam", sam).entrySet()) {
            mvc.perform(delete("/api/tokens/" + made.getValue().get("id").asLong()).with(httpBasic(made.getKey(), "demo"))
                    .header("X-Requested-With", "corroborate")).andExpect(status().isNoContent());
        }
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isUnauthorized());
    }

    /** Makes a read token for {@code owner}: the answer, with its id and the token. */
    private tools.jackson.databind.JsonNode token(String owner, String name) throws Exception {
        String body = mvc.perform(post("/api/tokens").with(httpBasic(owner, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", name, "scopes", java.util.List.of("read")))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void anAdministratorScrapesRequestsAnnotationWritesAndExports() throws Exception {
        String text = "Harwick Water's metered mains were flushed on Tuesday, a spokesperson said.";
        long source = corpus.source("Metrics: flushed mains", text);
        double created = writes("create");
        double updated = writes("update");
        double deleted = writes("delete");
        double restored = writes("restore");

        long annotation = corpus.annotate("alice", source, text, "flushed on Tuesday", "FACT", Map.of(), null);
        mvc.perform(put("/api/annotations/" + annotation).with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 0, "note", "per the utility"))))
                .andExpect(status().isOk());
        // A refused write (a stale version) is not counted.
        mvc.perform(delete("/api/annotations/" + annotation).param("version", "0").with(httpBasic("alice", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/annotations/" + annotation).param("version", "1").with(httpBasic("alice", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/annotations/" + annotation + "/restore").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("version", 1))))
                .andExpect(status().isOk());
        corpus.annotate("alice", source, text, "Harwick Water", "FACT", Map.of(), null);

        assertThat(writes("create") - created).isEqualTo(2);
        assertThat(writes("update") - updated).isEqualTo(1);
        assertThat(writes("delete") - deleted).isEqualTo(1);
        assertThat(writes("restore") - restored).isEqualTo(1);

        double spans = meters.get("workbench.export.spans").counter().count();
        long exports = exportTimer() == null ? 0 : exportTimer().count();
        corpus.export("admin", "format=jsonl&source=" + source);
        // The restored annotation and the second one.
        assertThat(meters.get("workbench.export.spans").counter().count() - spans).isEqualTo(2);
        assertThat(exportTimer().count() - exports).isEqualTo(1);

        String scraped = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(scraped)
                .contains("workbench_annotation_writes_total{action=\"create\"}")
                .contains("workbench_annotation_writes_total{action=\"restore\"}")
                .contains("workbench_export_spans_total ")
                .contains("workbench_export_duration_seconds_count{format=\"jsonl\"}")
                .contains("jvm_memory_used_bytes").contains("hikaricp_connections_active").contains("process_cpu_usage")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/sources/\\{[a-zA-Z]+}/annotations\"");
    }

    private double writes(String action) {
        return meters.get("workbench.annotation.writes").tag("action", action).counter().count();
    }

    private Timer exportTimer() {
        return meters.find("workbench.export.duration").tag("format", "jsonl").timer();
    }
}
