package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corroborate.TestPostgres;
import org.corroborate.WorkbenchApplication;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 17: the application's own database role could disable the audit trigger, and the workbench
 * started without noticing. Now, on PostgreSQL with two roles, migrations run as the owner and the
 * workbench as a runtime role that may read and append audit events and nothing more; with one role
 * (the owner) the workbench refuses to start, or, with {@code workbench.audit.guard-missing=read-only},
 * starts and refuses every change with 503 {@code read_only}.
 */
@Tag("postgres")
class AuditGuardRolesPostgresTest {

    @Test
    void theRuntimeRoleCannotLiftTheGuardAndTheOwnerRoleIsRefusedOrReadOnly() throws Exception {
        TestPostgres.resetSchema();
        try (ConfigurableApplicationContext context = start(TestPostgres.withDatabase("--workbench.demo=true"))) {
            AppendOnlyGuard guard = context.getBean(AppendOnlyGuard.class);
            assertThat(guard.allProblems()).as("two roles: the guard is whole").isEmpty();
            assertThat(context.getBean(ReadOnlyGate.class).readOnlyReason()).isEmpty();
            CurrentActor actor = context.getBean(CurrentActor.class);
            actor.runAs("admin", Role.ADMIN, () -> context.getBean(SourceService.class)
                    .importText(TestProjects.MAIN, "Roles", "Two roles " + UUID.randomUUID(), null, null, null, null));
        }
        try (Connection runtime = TestPostgres.connectAsRuntime(); Statement sql = runtime.createStatement()) {
            for (String attempt : List.of("alter table audit_event disable trigger audit_event_no_change",
                    "alter table audit_event disable trigger all", "drop trigger audit_event_no_truncate on audit_event",
                    "create or replace function audit_event_append_only() returns trigger as $$ begin return null; end; "
                            + "$$ language plpgsql",
                    "drop table audit_event cascade")) {
                // Refused as not the owner, or (replacing the function) as having no right to create in the schema.
                assertThatThrownBy(() -> sql.execute(attempt)).as(attempt)
                        .hasMessageMatching("(?s).*(must be owner|permission denied for schema).*");
            }
            for (String attempt : List.of("update audit_event set actor = 'mallory'", "delete from audit_event",
                    "truncate audit_event", "delete from audit_checkpoint")) {
                assertThatThrownBy(() -> sql.execute(attempt)).as(attempt).hasMessageContaining("permission denied");
            }
            assertThat(sql.executeQuery("select count(*) from audit_event").next()).as("it still reads").isTrue();
        }

        String[] ownerOnly = {"--spring.profiles.active=postgres", "--spring.datasource.url=" + TestPostgres.URL,
                "--spring.datasource.username=" + TestPostgres.USER, "--spring.datasource.password=" + TestPostgres.PASSWORD};
        assertThatThrownBy(() -> start(ownerOnly).close()).as("one role, refuse (the default)")
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(AuditGuardMissingException.class)
                        .hasMessageContaining("owns audit_event (it may disable or drop its triggers)"));

        String[] readOnly = java.util.stream.Stream.concat(java.util.Arrays.stream(ownerOnly),
                java.util.stream.Stream.of("--workbench.audit.guard-missing=read-only")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = start(readOnly)) {
            assertThat(context.getBean(ReadOnlyGate.class).readOnlyReason()).get().asString()
                    .contains("owns audit_event");
            assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get("workbench.audit.guard.intact").gauge().value()).isZero();
            CurrentActor actor = context.getBean(CurrentActor.class);
            long before = count(context);
            assertThatThrownBy(() -> actor.runAs("admin", Role.ADMIN, () -> context.getBean(SourceService.class)
                    .importText(TestProjects.MAIN, "Refused", "Read-only " + UUID.randomUUID(), null, null, null, null)))
                    .isInstanceOfSatisfying(WorkbenchException.class,
                            e -> assertThat(e.kind()).isEqualTo(WorkbenchException.Kind.READ_ONLY));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpApi.Answer answer = new HttpApi(port).send("admin", "POST", "/api/sources",
                    Map.of("title", "Refused", "text", "Read-only over HTTP", "project", TestProjects.MAIN));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().get("error").asString()).isEqualTo("read_only");
            assertThat(count(context)).as("nothing was written").isEqualTo(before);
            AuditVerification verification = actor.runAs("admin", Role.ADMIN, context.getBean(AuditService.class)::verify);
            assertThat(verification.valid()).isTrue();
            assertThat(verification.warnings()).singleElement().asString().contains("owns audit_event");
        }
    }

    private static long count(ConfigurableApplicationContext context) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select count(*) from source", Long.class);
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0",
                "--spring.main.banner-mode=off"), java.util.Arrays.stream(arguments)).toArray(String[]::new);
        return new SpringApplicationBuilder(WorkbenchApplication.class).run(all);
    }
}
