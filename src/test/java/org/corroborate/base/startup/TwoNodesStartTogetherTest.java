package org.corroborate.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.corroborate.TestPostgres;
import org.corroborate.audit.AuditService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes starting together on one empty PostgreSQL database: the first to take the start-up lock
 * makes the demo accounts, projects and corpus; the second waits for it (not ready meanwhile), then
 * finds them and adds nothing. Skipped without a PostgreSQL server (see {@link TestPostgres}).
 */
@Tag("postgres")
class TwoNodesStartTogetherTest {

    @TempDir
    Path dataDir;

    @Test
    void theSecondNodeWaitsForTheFirstsStartUpWorkThenFindsItDone() throws Exception {
        TestPostgres.resetSchema();
        try (HeldStart first = HeldStart.held(arguments("first"))) {
            first.awaitHeld();
            try (HeldStart second = HeldStart.free(arguments("second"))) {
                // The second node's start-up work asks for the lock the first one holds, and waits.
                awaitWaitingForTheLock();
                assertThat(second.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
                assertThat(second.get("/api/sources", "admin").body()).contains("\"error\":\"starting\"");
                assertThat(second.done()).isFalse();

                first.release();
                first.started();
                ConfigurableApplicationContext context = second.started();

                assertThat(count("select count(*) from account")).isEqualTo(5);
                assertThat(count("select count(*) from project")).isEqualTo(2);
                assertThat(count("select count(*) from source")).isEqualTo(5);
                assertThat(count("select count(*) from scheme_version")).isEqualTo(2);
                var verification = context.getBean(CurrentActor.class).runAs("sam", Role.SUPERVISOR,
                        context.getBean(AuditService.class)::verify);
                assertThat(verification.valid()).as(verification.problem()).isTrue();
                for (HeldStart node : List.of(first, second)) {
                    assertThat(node.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
                    assertThat(node.get("/api/sources", "alice").statusCode()).isEqualTo(200);
                }
            }
        }
    }

    private String[] arguments(String node) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--workbench.demo=true", "--workbench.data-dir=" + dataDir.resolve(node)));
        args.addAll(List.of(TestPostgres.datasourceArguments()));
        return args.toArray(String[]::new);
    }

    private static void awaitWaitingForTheLock() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String waiting = "select count(*) from pg_locks where locktype = 'advisory' and not granted "
                + "and database = (select oid from pg_database where datname = current_database())";
        while (count(waiting) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second node never waited for the start-up lock");
            }
            Thread.sleep(200);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
