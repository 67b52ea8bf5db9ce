package org.corroborate.audit;

import org.corroborate.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 19, case 12 on PostgreSQL: the guard notices a dropped, disabled or defanged append-only
 * trigger. Runs the real vendor migration in a schema of its own, and drops the schema after.
 */
@Tag("postgres")
class AppendOnlyGuardPostgresTest {


    @Test
    void aDroppedDisabledOrEmptiedTriggerIsReported() throws Exception {
        String schema = "guard_" + Long.toHexString(System.nanoTime());
        try (Connection admin = TestPostgres.connect()) {
            admin.createStatement().execute("create schema " + schema);
        }
        try {
            DriverManagerDataSource data = new DriverManagerDataSource(TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?")
                    + "currentSchema=" + schema, TestPostgres.USER, TestPostgres.PASSWORD);
            JdbcTemplate jdbc = new JdbcTemplate(data);
            jdbc.execute("create table audit_event (id bigint primary key)");
            jdbc.execute(migration());
            AppendOnlyGuard guard = new AppendOnlyGuard(data);
            assertThat(guard.problems()).isEmpty();

            jdbc.execute("alter table audit_event disable trigger audit_event_no_change");
            assertThat(guard.problems()).containsExactly("no enabled trigger refuses UPDATE on audit_event",
                    "no enabled trigger refuses DELETE on audit_event");
            jdbc.execute("alter table audit_event enable trigger audit_event_no_change");
            jdbc.execute("drop trigger audit_event_no_truncate on audit_event");
            assertThat(guard.problems()).containsExactly("no enabled trigger refuses TRUNCATE on audit_event");
            jdbc.execute(migration());
            assertThat(guard.problems()).isEmpty();
            jdbc.execute("create or replace function audit_event_append_only() returns trigger as $$ "
                    + "begin return null; end; $$ language plpgsql");
            assertThat(guard.problems()).hasSize(3);
        } finally {
            try (Connection admin = TestPostgres.connect()) {
                admin.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static String migration() throws IOException {
        try (var in = AppendOnlyGuardPostgresTest.class.getResourceAsStream(
                "/db/vendor/postgresql/V6__audit_append_only.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Re-runnable: the triggers may already exist.
            return sql.replace("create trigger audit_event_no_change", "drop trigger if exists audit_event_no_change "
                    + "on audit_event; create trigger audit_event_no_change")
                    .replace("create trigger audit_event_no_truncate", "drop trigger if exists audit_event_no_truncate "
                    + "on audit_event; create trigger audit_event_no_truncate");
        }
    }
}
