package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19, case 12: a dropped append-only trigger stayed dropped after a restart, in silence.
 * Now the start-up check logs an ERROR and verification carries the warning until it is back.
 * Runs on the separate workbench (it lifts the trigger), like TamperDetectionTest.
 */
@SeparateWorkbenchTest
@ExtendWith(OutputCaptureExtension.class)
class AppendOnlyGuardTest {

    @Autowired AppendOnlyGuard guard;
    @Autowired AuditService audit;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDroppedTriggerIsReportedAtStartUpAndByVerifyUntilItIsReinstalled(CapturedOutput output) {
        assertThat(guard.problems()).isEmpty();
        assertThat(verify().warnings()).isEmpty();
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            assertThat(guard.problems()).containsExactly("no trigger refuses UPDATE on audit_event",
                    "no trigger refuses DELETE on audit_event");
            guard.checkAtStartUp();
            assertThat(output.getAll()).contains("ERROR").contains("append-only guard missing");
            AuditVerification verification = verify();
            assertThat(verification.valid()).as("the chain itself is intact").isTrue();
            assertThat(verification.warnings()).singleElement().asString().startsWith("append-only guard missing");
        } finally {
            // The documented way to re-install it (docs/operations.md).
            jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event "
                    + "for each row call \"org.corroborate.audit.AppendOnlyTrigger\"");
        }
        assertThat(guard.problems()).isEmpty();
        assertThat(verify().warnings()).isEmpty();
    }

    private AuditVerification verify() {
        return actor.runAs("sam", Role.SUPERVISOR, audit::verify);
    }
}
