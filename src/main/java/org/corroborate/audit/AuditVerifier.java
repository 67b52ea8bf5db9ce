package org.corroborate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-walks the whole audit chain straight from the database, streaming: every sequence number in
 * order, every event linked to the one before it, every hash matching the event's content, and the
 * head matching the last event. Stops at the first break and names it.
 */
@Component
class AuditVerifier {

    private final JdbcTemplate jdbc;

    AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(2000);
    }

    AuditVerification verify() {
        long started = System.nanoTime();
        // The head first: events appended while we walk lie beyond it and are left for the next check.
        long headSeq = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
        Walk walk = new Walk();
        jdbc.query("select id, seq, prev_hash, hash, occurred_at, actor, action, entity_type, entity_id, source_id, "
                + "before_state, after_state, reason, origin from audit_event where seq <= ? order by seq",
                walk::step, headSeq);
        if (walk.problem == null) {
            if (headSeq != walk.seq) {
                walk.problem = "the chain's head (event " + headSeq + ") does not match the last event ("
                        + walk.seq + "): events were removed from the end";
                walk.brokenSeq = walk.seq + 1;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new AuditVerification(walk.problem == null, walk.count, walk.previous, walk.brokenSeq, walk.brokenId,
                walk.problem, millis, java.util.List.of());
    }

    private static final class Walk {
        long seq;
        long count;
        String previous = AuditChain.GENESIS;
        String problem;
        Long brokenSeq;
        Long brokenId;

        void step(ResultSet row) throws SQLException {
            if (problem != null) {
                return;
            }
            long id = row.getLong("id");
            long at = row.getLong("seq");
            long sourceValue = row.getLong("source_id");
            Long sourceId = row.wasNull() ? null : sourceValue;
            count++;
            if (at != seq + 1) {
                fail(at, id, at > seq + 1 ? "event " + (seq + 1) + " is missing before it" : "its sequence number repeats");
                return;
            }
            if (!previous.equals(row.getString("prev_hash"))) {
                fail(at, id, "it does not link to the event before it (events were removed or reordered)");
                return;
            }
            AuditChain.Fields fields = new AuditChain.Fields(at,
                    row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
                    row.getString("action"), row.getString("entity_type"), row.getString("entity_id"), sourceId,
                    row.getString("before_state"), row.getString("after_state"), row.getString("reason"),
                    row.getString("origin"));
            String hash = AuditChain.hash(previous, fields);
            if (!hash.equals(row.getString("hash"))) {
                fail(at, id, "its content does not match its hash (the event was altered)");
                return;
            }
            seq = at;
            previous = hash;
        }

        private void fail(long at, long id, String what) {
            problem = "Event " + at + " (id " + id + "): " + what + ".";
            brokenSeq = at;
            brokenId = id;
        }
    }
}
