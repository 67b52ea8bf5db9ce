package org.corroborate.base;

import org.corroborate.testing.TestProjects;
import org.corroborate.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.corroborate.WorkbenchApplication;
import org.corroborate.security.AccountService;
import org.corroborate.source.ImportOutcome;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The migrations run and Hibernate validates against a real PostgreSQL, and the application
 * works on it. CI starts the server (.ci/run); elsewhere the test is skipped unless
 * WORKBENCH_TEST_POSTGRES_URL names one, and under CI a missing server is a failure.
 */
@Tag("postgres")
class PostgresTest {


    @Test
    void migratesValidatesAndStoresSourcesOnPostgres() throws SQLException {
        TestPostgres.resetSchema();
        try (var context = new SpringApplicationBuilder(WorkbenchApplication.class).run(
                TestPostgres.withDatabase("--server.port=0", "--workbench.demo=true"))) {
            CurrentActor actor = context.getBean(CurrentActor.class);
            SourceService sources = context.getBean(SourceService.class);
            assertThat(actor.runAs("admin", Role.ADMIN, () -> context.getBean(AccountService.class).list())).hasSize(5);
            assertThat(actor.runAs("alice", Role.REVIEWER, () -> sources.list())).hasSize(4);

            String text = "Still on bottled water 💧 day 40\nقال يوسف حداد";
            ImportOutcome first = actor.runAs("alice", Role.REVIEWER,
                    () -> sources.importText(TestProjects.MAIN, "Post", text, null, null, "2025-04-02", null));
            ImportOutcome again = actor.runAs("bob", Role.REVIEWER,
                    () -> sources.importText(TestProjects.MAIN, "Again", text, null, null, null, null));
            assertThat(first.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(again.status()).isEqualTo(ImportOutcome.Status.DUPLICATE);
            var stored = actor.runAs("carol", Role.REVIEWER, () -> sources.get(first.source().id()));
            assertThat(stored.text()).isEqualTo(text);
            assertThat(stored.source().length()).isEqualTo(text.codePointCount(0, text.length()));
            assertThat(stored.source().importedAt()).isEqualTo(first.source().importedAt());

            // A document on PostgreSQL: the original as BYTEA, given back byte for byte, and the page starts.
            byte[] pdf = org.corroborate.testing.Documents.pdf("On PostgreSQL", "Clerk",
                    java.util.List.of("Page one on the server.", "Page two on the server."));
            ImportOutcome document = actor.runAs("alice", Role.REVIEWER,
                    () -> sources.importFile(TestProjects.MAIN, "server.pdf", pdf));
            assertThat(document.source().pages()).hasSize(2);
            assertThat(document.source().mediaType()).isEqualTo("application/pdf");
            assertThat(actor.runAs("bob", Role.REVIEWER, () -> sources.original(document.source().id())).content())
                    .isEqualTo(pdf);

            // The audit trail on PostgreSQL: chained, verifiable, and the database refuses edits.
            var audit = context.getBean(org.corroborate.audit.AuditService.class);
            var verification = actor.runAs("sam", Role.SUPERVISOR, audit::verify);
            assertThat(verification.valid()).as(verification.problem()).isTrue();
            assertThat(verification.events()).isGreaterThan(5);
            // The application's own role has no right to change events; the owner has, and the trigger refuses.
            var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            var owner = new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource
                    .DriverManagerDataSource(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD));
            for (String change : java.util.List.of("update audit_event set actor = 'mallory' where seq = 1",
                    "delete from audit_event", "truncate audit_event")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute(change)).as(change)
                        .rootCause().hasMessageContaining("permission denied");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.execute(change)).as(change)
                        .hasMessageContaining("append-only");
            }
        }
    }

    /**
     * Issue 17: a write that cannot get its lock (the audit chain's head held by a stuck writer) gives up
     * after lock_timeout with 503 busy and nothing stored, rather than waiting for ever and committing
     * after the client has gone.
     */
    @Test
    void aWriteThatWaitsTooLongForALockIsABusyRefusalNotAHang() throws Exception {
        TestPostgres.resetSchema();
        try (var context = new SpringApplicationBuilder(WorkbenchApplication.class).run(
                TestPostgres.withDatabase("--server.port=0", "--workbench.demo=true",
                        "--spring.datasource.hikari.connection-init-sql=SET lock_timeout = '1s'"))) {
            var api = new org.corroborate.testing.HttpApi(Integer.parseInt(
                    context.getEnvironment().getRequiredProperty("local.server.port")));
            var create = java.util.Map.of("start", 0, "end", 4, "label", "FACT");
            try (var holder = TestPostgres.connect()) {
                holder.setAutoCommit(false);
                try (var hold = holder.createStatement()) {
                    hold.execute("select seq from audit_chain_head for update");
                }
                long events = count(holder, "audit_event");
                long started = System.nanoTime();
                var refused = api.send("alice", "POST", "/api/sources/1/annotations", create);
                long waited = (System.nanoTime() - started) / 1_000_000;
                assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
                assertThat(refused.json().get("error").asString()).isEqualTo("busy");
                assertThat(refused.json().get("message").asString()).contains("try again");
                assertThat(waited).as("gave up after lock_timeout, ms").isBetween(900L, 4_000L);
                holder.rollback();
                assertThat(count(holder, "audit_event")).as("nothing stored").isEqualTo(events);
            }
            assertThat(api.send("alice", "POST", "/api/sources/1/annotations", create).status())
                    .as("once the lock is free").isEqualTo(201);
        }
    }

    private static long count(java.sql.Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
