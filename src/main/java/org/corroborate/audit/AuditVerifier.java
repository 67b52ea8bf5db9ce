package org.corroborate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-walks the whole audit chain straight from the database, streaming: every sequence number in
 * order, every event linked to the one before it, every hash matching the event's content, and the
 * head matching the last event, and the chain reaching the event that the witness outside the
 * database saw, with the same hash (so events removed from the end are found too). Names the first
 * break; walks on past a break the appender flagged (an event appended after missing ones) to
 * check the rest, and stops at any other.
 */
@Component
class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final ChainWitness witness;

    AuditVerifier(JdbcTemplate jdbc, ChainWitness witness) {
        this.witness = witness;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(2000);
    }

    AuditVerification verify() {
        long started = System.nanoTime();
        // The witness before the head: it is written after commits, so whatever it names is at or below the head.
        ChainWitness.Witnessed witnessed;
        String witnessProblem = null;
        try {
            witnessed = witness.read().orElse(null);
        } catch (IllegalStateException e) {
            witnessed = null;
            witnessProblem = e.getMessage();
        }
        // The head first: events appended while we walk lie beyond it and are left for the next check.
        long headSeq = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
        Walk walk = new Walk(witnessed == null ? -1 : witnessed.seq());
        jdbc.query("select id, seq, prev_hash, hash, occurred_at, actor, action, entity_type, entity_id, source_id, "
                + "before_state, after_state, reason, origin, after_gap, project_id from audit_event where seq <= ? order by seq",
                walk::step, headSeq);
        if (walk.problem == null || walk.flaggedOnly) {
            if (headSeq != walk.seq) {
                walk.report(walk.seq + 1, null, "the chain's head (event " + headSeq + ") does not match the last "
                        + "event (" + walk.seq + "): events were removed from the end");
            }
            if (witnessProblem != null) {
                walk.report(null, null, witnessProblem);
            }
            if (witnessed != null) {
                compare(walk, witnessed);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new AuditVerification(walk.problem == null, walk.count, walk.previous, walk.brokenSeq, walk.brokenId,
                walk.problem, millis, witnessed == null ? null : witnessed.seq(), List.of());
    }

    /** Events removed from the end leave a shorter chain than the witness saw, or another event in its place. */
    private void compare(Walk walk, ChainWitness.Witnessed witnessed) {
        if (walk.flaggedOnly && walk.hashAtWitness == null && witnessed.seq() <= walk.seq) {
            return; // the witnessed event is among the missing ones already reported
        }
        String seen = " The witness kept outside the database (" + witness.file() + (witnessed.writtenAt() == null
                ? "" : ", written " + witnessed.writtenAt()) + ") saw event " + witnessed.seq() + " with hash "
                + witnessed.hash() + ".";
        if (walk.seq < witnessed.seq()) {
            long missing = witnessed.seq() - walk.seq;
            walk.report(walk.seq + 1, null, "The chain ends at event " + walk.seq + ", before the witnessed event "
                    + witnessed.seq() + ": events " + (walk.seq + 1) + " to " + witnessed.seq() + " (" + missing
                    + (missing == 1 ? " event" : " events") + ") were removed from the end (truncation)." + seen);
        } else if (!witnessed.hash().equals(walk.hashAtWitness)) {
            walk.report(witnessed.seq(), walk.idAtWitness, "Event " + witnessed.seq() + " is not the event the "
                    + "witness saw: the chain was truncated and written again from there or before." + seen);
        }
    }

    private static final class Walk {
        final long witnessedSeq;
        String hashAtWitness;
        Long idAtWitness;
        long seq;
        long count;
        String previous = AuditChain.GENESIS;
        String problem;
        Long brokenSeq;
        Long brokenId;
        /** Whether the only break so far is one the appender flagged; then the walk checks on past it. */
        boolean flaggedOnly;

        Walk(long witnessedSeq) {
            this.witnessedSeq = witnessedSeq;
        }

        void step(ResultSet row) throws SQLException {
            if (problem != null && !flaggedOnly) {
                return;
            }
            long id = row.getLong("id");
            long at = row.getLong("seq");
            long sourceValue = row.getLong("source_id");
            Long sourceId = row.wasNull() ? null : sourceValue;
            count++;
            long afterGapValue = row.getLong("after_gap");
            Long afterGap = row.wasNull() ? null : afterGapValue;
            if (afterGap != null && afterGap == seq && at > seq + 1) {
                // Appended after a break, on purpose and flagged: report the break here, check on.
                String expected = AuditChain.hashAfterGap(previous, fields(row, at, sourceId), afterGap);
                if (previous.equals(row.getString("prev_hash")) && expected.equals(row.getString("hash"))) {
                    fail(at, id, "events " + (seq + 1) + " to " + (at - 1) + " are missing before it; it was "
                            + "appended after the break and linked to event " + seq + ", the newest present then", true);
                    advance(at, id, expected);
                    return;
                }
            }
            if (at != seq + 1) {
                fail(at, id, at > seq + 1 ? "event " + (seq + 1) + " is missing before it" : "its sequence number repeats");
                return;
            }
            if (!previous.equals(row.getString("prev_hash"))) {
                fail(at, id, "it does not link to the event before it (events were removed or reordered)");
                return;
            }
            String hash = AuditChain.hash(previous, fields(row, at, sourceId));
            if (!hash.equals(row.getString("hash"))) {
                fail(at, id, "its content does not match its hash (the event was altered)");
                return;
            }
            advance(at, id, hash);
        }

        /** A finding after the walk: the first problem, or added to the one already found. */
        void report(Long at, Long id, String what) {
            if (problem == null) {
                problem = what;
                brokenSeq = at;
                brokenId = id;
            } else {
                problem += " Further: " + what;
            }
        }

        private void advance(long at, long id, String hash) {
            seq = at;
            previous = hash;
            if (at == witnessedSeq) {
                hashAtWitness = hash;
                idAtWitness = id;
            }
        }

        private static AuditChain.Fields fields(ResultSet row, long at, Long sourceId) throws SQLException {
            return new AuditChain.Fields(at,
                    row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
                    row.getString("action"), row.getString("entity_type"), row.getString("entity_id"), sourceId,
                    row.getString("before_state"), row.getString("after_state"), row.getString("reason"),
                    row.getString("origin"), row.getObject("project_id", Long.class));
        }

        private void fail(long at, long id, String what) {
            fail(at, id, what, false);
        }

        /** Records the first break; a later one is added to the message. Only flagged breaks let the walk go on. */
        private void fail(long at, long id, String what, boolean flagged) {
            if (problem != null) {
                problem += " Further: event " + at + " (id " + id + "): " + what + ".";
                flaggedOnly = flaggedOnly && flagged;
                return;
            }
            flaggedOnly = flagged;
            problem = "Event " + at + " (id " + id + "): " + what + ".";
            brokenSeq = at;
            brokenId = id;
        }
    }
}
