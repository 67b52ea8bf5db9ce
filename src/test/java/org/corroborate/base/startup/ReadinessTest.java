package org.corroborate.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request is served as if the node were ready before its start-up work is done: the probes say
 * so (liveness 200, readiness 503), the API answers 503 {@code starting} in JSON where it would
 * otherwise have said 401 (the demo accounts do not exist yet), and the UI a small plain page.
 */
class ReadinessTest {

    @TempDir
    Path dataDir;

    @Test
    void answersStartingUntilTheStartUpWorkIsDoneThenServes() throws Exception {
        try (HeldStart node = HeldStart.held("--server.port=0", "--workbench.data-dir=" + dataDir,
                "--spring.main.banner-mode=off", "--workbench.demo=true")) {
            node.awaitHeld();

            assertThat(node.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            HttpResponse<String> readiness = node.get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");

            HttpResponse<String> api = node.get("/api/sources", "admin");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/json"));
            assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(api.body()).contains("\"error\":\"starting\"").contains("try again");

            for (String page : new String[] {"/", "/login", "/sources"}) {
                HttpResponse<String> ui = node.get(page, null);
                assertThat(ui.statusCode()).as(page).isEqualTo(503);
                assertThat(ui.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                        .startsWith("text/html"));
                assertThat(ui.body()).contains("<title>Corroborate is starting</title>").doesNotContain("<script");
            }
            assertThat(node.done()).isFalse();

            node.release();
            node.started();

            readiness = node.get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
            api = node.get("/api/sources", "admin");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            assertThat(api.body()).contains("sha256");
            assertThat(node.get("/login", null).statusCode()).isEqualTo(200);
            // Over HTTP as Prometheus scrapes: administrators only.
            assertThat(node.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(node.get("/actuator/prometheus", "alice").statusCode()).isEqualTo(403);
            HttpResponse<String> metrics = node.get("/actuator/prometheus", "admin");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("workbench_annotation_writes_total{action=\"create\"}");
        }
    }
}
