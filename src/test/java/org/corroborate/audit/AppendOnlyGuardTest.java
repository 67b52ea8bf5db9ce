package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19, case 12: a dropped append-only trigger stayed dropped after a restart, in silence.
 * Issue 17: and the workbench went on taking changes. Now the check logs an ERROR alarm, closes the
 * read-only gate (every change is refused with 503 {@code read_only}), sets the guard gauge to 0, and
 * verification carries the warning until the trigger is back; then changes are accepted again.
 * Runs on the separate workbench (it lifts the trigger), like TamperDetectionTest.
 */
@SeparateWorkbenchTest
@ExtendWith(OutputCaptureExtension.class)
class AppendOnlyGuardTest {

    @Autowired AppendOnlyGuard guard;
    @Autowired GuardCheck check;
    @Autowired ReadOnlyGate gate;
    @Autowired AuditService audit;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    @Test
    void aDroppedTriggerMakesTheWorkbenchReadOnlyWithAnAlarmUntilItIsReinstalled(CapturedOutput output)
            throws Exception {
        assertThat(guard.problems()).isEmpty();
        assertThat(guard.roleProblems()).as("H2: one embedded user, no role check").isEmpty();
        assertThat(verify().warnings()).isEmpty();
        HttpApi api = new HttpApi(port);
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            assertThat(guard.problems()).containsExactly("no trigger refuses UPDATE on audit_event",
                    "no trigger refuses DELETE on audit_event");
            check.recheck();
            assertThat(output.getAll()).contains("ERROR").contains("ALARM audit trail: append-only guard missing")
                    .contains("READ-ONLY");
            assertThat(gate.readOnlyReason()).get().asString().startsWith("append-only guard missing");
            assertThat(intact()).isZero();
            assertThat(audit.readOnlyReason()).isPresent();

            long sources = jdbc.queryForObject("select count(*) from source", Long.class);
            long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
            HttpApi.Answer refused = api.send("admin", "POST", "/api/sources",
                    Map.of("project", TestProjects.MAIN, "title", "Refused", "text", "While the guard is missing"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("error").asString()).isEqualTo("read_only");
            assertThat(refused.json().get("message").asString()).contains("read-only").contains("append-only guard");
            assertThat(jdbc.queryForObject("select count(*) from source", Long.class)).isEqualTo(sources);
            assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(events);
            assertThat(api.send("admin", "GET", "/api/sources?project=" + TestProjects.MAIN, null).status())
                    .as("reading goes on").isEqualTo(200);

            AuditVerification verification = verify();
            assertThat(verification.valid()).as("the chain itself is intact").isTrue();
            assertThat(verification.warnings()).singleElement().asString().startsWith("append-only guard missing");
        } finally {
            // The documented way to re-install it (docs/operations.md).
            jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event "
                    + "for each row call \"org.corroborate.audit.AppendOnlyTrigger\"");
        }
        assertThat(check.recheck()).isEmpty();
        assertThat(gate.readOnlyReason()).isEmpty();
        assertThat(intact()).isEqualTo(1);
        assertThat(guard.problems()).isEmpty();
        assertThat(verify().warnings()).isEmpty();
        assertThat(api.send("admin", "POST", "/api/sources", Map.of("project", TestProjects.MAIN, "title", "Accepted",
                "text", "After the guard is back " + System.nanoTime())).status()).isEqualTo(201);
    }

    @Test
    void theSettingIsRefuseOrReadOnly() {
        assertThat(GuardCheck.Policy.parse("refuse")).isEqualTo(GuardCheck.Policy.REFUSE);
        assertThat(GuardCheck.Policy.parse("read-only")).isEqualTo(GuardCheck.Policy.READ_ONLY);
        assertThat(GuardCheck.Policy.parse("READ_ONLY")).isEqualTo(GuardCheck.Policy.READ_ONLY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GuardCheck.Policy.parse("ignore"))
                .hasMessageContaining("'refuse' or 'read-only'");
    }

    private double intact() {
        return meters.get("workbench.audit.guard.intact").gauge().value();
    }

    private AuditVerification verify() {
        return actor.runAs("sam", Role.SUPERVISOR, audit::verify);
    }
}
