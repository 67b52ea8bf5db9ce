package org.corroborate.audit;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A database owner lifts the append-only trigger, removes events from the end of the chain and
 * moves the head back: the database alone looks intact, the witness kept outside it does not.
 * Runs on a database of its own, as the chain stays broken.
 */
@SpringBootTest(properties = {"workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-truncation;DB_CLOSE_DELAY=-1",
        "workbench.audit.witness-key=test-secret"})
class TruncationTest {

    static final String TRIGGER = "create trigger audit_event_append_only before update, delete on "
            + "audit_event for each row call \"org.corroborate.audit.AppendOnlyTrigger\"";

    @Autowired AuditService audit;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    @Autowired ChainWitness witness;
    @Autowired ChainAppender appender;

    @BeforeEach
    void someWork() throws Exception {
        // Each test starts with a chain that is whole by the database alone, and a fresh witness.
        witness.flush();
        ((AtomicReference<?>) ReflectionTestUtils.getField(witness, "pending")).set(null);
        Files.deleteIfExists(witness.file());
        ReflectionTestUtils.setField(witness, "written", 0L);
        jdbc.execute("drop trigger if exists audit_event_append_only");
        jdbc.execute(TRIGGER);
        work(8, "Truncation target ");
        witness.flush();
    }

    @AfterEach
    void restoreTheTrigger() {
        jdbc.execute("drop trigger if exists audit_event_append_only");
        jdbc.execute(TRIGGER);
    }

    @Test
    void removingTheTailAndMovingTheHeadBackIsReportedWithWhatIsMissing() {
        long last = last();
        assertThat(verify().valid()).isTrue();
        assertThat(verify().witnessedSeq()).isEqualTo(last);

        truncate(5);

        AuditVerification after = verify();
        assertThat(after.valid()).as("the database alone looks intact; the witness does not").isFalse();
        assertThat(after.brokenSeq()).isEqualTo(last - 4);
        assertThat(after.problem()).contains("truncation")
                .contains("events " + (last - 4) + " to " + last + " (5 events)");
    }

    @Test
    void aTruncatedChainWrittenAgainDoesNotMoveTheWitnessAndIsReported() {
        long last = last();
        truncate(3);
        // As after a restart: the node no longer remembers the link it last committed.
        ReflectionTestUtils.setField(appender, "committed", new AtomicReference<>());
        work(5, "Written again ");
        witness.flush();

        assertThat(witness.read().orElseThrow().seq()).as("the witness keeps its evidence").isEqualTo(last);
        AuditVerification after = verify();
        assertThat(after.valid()).isFalse();
        assertThat(after.brokenSeq()).isEqualTo(last);
        assertThat(after.problem()).contains("not the event the witness saw");
    }

    @Test
    void aWitnessAlteredWithoutTheKeyIsRefused() throws Exception {
        String text = Files.readString(witness.file());
        long seq = witness.read().orElseThrow().seq();
        Files.writeString(witness.file(), text.replace("seq=" + seq, "seq=" + (seq - 1)));
        try {
            AuditVerification verification = verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.problem()).contains("not signed with this workbench's key");
        } finally {
            Files.writeString(witness.file(), text);
        }
    }

    private void truncate(int events) {
        long last = last();
        jdbc.execute("drop trigger audit_event_append_only");
        jdbc.update("delete from audit_event where seq > ?", last - events);
        jdbc.update("update audit_chain_head set seq = ? where id = 1", last - events);
    }

    private long last() {
        return jdbc.queryForObject("select max(seq) from audit_event", Long.class);
    }

    private void work(int sources, String prefix) {
        for (int i = 0; i < sources; i++) {
            actor.runAs("alice", Role.REVIEWER, () -> this.sources.importText(TestProjects.MAIN, "T", prefix + UUID.randomUUID(),
                    null, null, null, null));
        }
    }

    private AuditVerification verify() {
        return actor.runAs("sam", Role.SUPERVISOR, audit::verify);
    }
}
