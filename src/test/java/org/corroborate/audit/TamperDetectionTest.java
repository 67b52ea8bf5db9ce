package org.corroborate.audit;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone with database rights lifts the append-only trigger and edits the log directly: the
 * verification must fail and name the event. Runs on the separate workbench, and undoes each tampering.
 */
@SeparateWorkbenchTest
class TamperDetectionTest {

    @Autowired AuditService audit;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void liftTheTrigger() {
        for (int i = 0; i < 3; i++) {
            actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "T", "Tamper target " + UUID.randomUUID(), null,
                    null, null, null));
        }
        assertThat(verify().valid()).isTrue();
        jdbc.execute("drop trigger audit_event_append_only");
    }

    @AfterEach
    void restoreTheTrigger() {
        jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event "
                + "for each row call \"org.corroborate.audit.AppendOnlyTrigger\"");
        assertThat(verify().valid()).as("the test undid its tampering").isTrue();
    }

    private AuditVerification verify() {
        return actor.runAs("sam", Role.SUPERVISOR, audit::verify);
    }

    @Test
    void anAlteredEventIsNamed() {
        Map<String, Object> event = jdbc.queryForMap("select id, seq, actor from audit_event where seq = 3");
        jdbc.update("update audit_event set actor = 'mallory' where seq = 3");
        AuditVerification verification = verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.brokenSeq()).isEqualTo(3);
        assertThat(verification.brokenId()).isEqualTo(((Number) event.get("id")).longValue());
        assertThat(verification.problem()).contains("Event 3").contains("altered");
        jdbc.update("update audit_event set actor = ? where seq = 3", event.get("actor"));
    }

    @Test
    void aDeletedEventIsNamed() {
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where seq = 2");
        jdbc.update("delete from audit_event where seq = 2");
        AuditVerification verification = verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.brokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).contains("event 2 is missing");
        reinsert(row);
    }

    @Test
    void removingTheLatestEventIsNoticedByTheHead() {
        long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where seq = ?", last);
        jdbc.update("delete from audit_event where seq = ?", last);
        AuditVerification verification = verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problem()).contains("head");
        reinsert(row);
    }

    @Test
    void reorderedEventsAreNamed() {
        jdbc.update("update audit_event set seq = -1 where seq = 2");
        jdbc.update("update audit_event set seq = 2 where seq = 3");
        jdbc.update("update audit_event set seq = 3 where seq = -1");
        AuditVerification verification = verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.brokenSeq()).isEqualTo(2);
        jdbc.update("update audit_event set seq = -1 where seq = 3");
        jdbc.update("update audit_event set seq = 3 where seq = 2");
        jdbc.update("update audit_event set seq = 2 where seq = -1");
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("insert into audit_event (id, seq, prev_hash, hash, occurred_at, actor, action, entity_type, "
                        + "entity_id, source_id, before_state, after_state, reason, origin, project_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("ID"), row.get("SEQ"), row.get("PREV_HASH"), row.get("HASH"), row.get("OCCURRED_AT"),
                row.get("ACTOR"), row.get("ACTION"), row.get("ENTITY_TYPE"), row.get("ENTITY_ID"), row.get("SOURCE_ID"),
                row.get("BEFORE_STATE"), row.get("AFTER_STATE"), row.get("REASON"), row.get("ORIGIN"),
                row.get("PROJECT_ID"));
    }
}
