package org.corroborate.audit;

import java.sql.Connection;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends one event to the chain inside the writer's transaction, in two statements on its
 * connection: bump the head's sequence number and read it back (which locks the head row until
 * commit, so writers append strictly one after another), then insert the event linked to the
 * previous one, whose hash is remembered from the last commit or read by its number. When that
 * event is missing (someone with database rights removed it), the new event links to the newest
 * event present and records its number in {@code after_gap}: a broken chain never stops writes.
 * After each commit the new head is handed to the {@link ChainWitness}, outside the database.
 * Plain JDBC on purpose: this is the hot path of every write in the workbench.
 */
@Component
class ChainAppender {

    private final JdbcTemplate jdbc;
    /** Bumps the head's number and returns it in one round trip; each database spells it its own way. */
    private final String bump;

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);

    private final ChainWitness witness;

    ChainAppender(JdbcTemplate jdbc, ChainWitness witness) {
        this.jdbc = jdbc;
        this.witness = witness;
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        this.bump = "PostgreSQL".equalsIgnoreCase(product)
                ? "update audit_chain_head set seq = seq + 1 where id = 1 returning seq"
                : "select seq from final table (update audit_chain_head set seq = seq + 1 where id = 1)";
    }

    /** The last committed link, so most appends need not read it back; set only after a commit. */
    private final AtomicReference<Link> committed = new AtomicReference<>();

    private record Link(long seq, String hash) {}

    /** The event a new one links to: normally the one numbered just before it. */
    private Link previous(long seq) {
        if (seq == 1) {
            return new Link(0, AuditChain.GENESIS);
        }
        Link last = committed.get();
        if (last != null && last.seq() == seq - 1) {
            return last;
        }
        List<String> found = jdbc.queryForList("select hash from audit_event where seq = ?", String.class, seq - 1);
        if (!found.isEmpty()) {
            return new Link(seq - 1, found.getFirst());
        }
        // The chain is broken (an event was removed by someone with database rights). Writes go on:
        // this event links to the newest event still present and records that it did; verify
        // reports the break at this event.
        List<Link> newest = jdbc.query("select seq, hash from audit_event where seq < ? order by seq desc "
                + "fetch first 1 rows only", (row, n) -> new Link(row.getLong(1), row.getString(2)), seq);
        Link linked = newest.isEmpty() ? new Link(0, AuditChain.GENESIS) : newest.getFirst();
        log.warn("The audit chain is broken: event {} is missing. Event {} is appended after event {}, the newest "
                + "present, and flagged; run the verification.", seq - 1, seq, linked.seq());
        return linked;
    }

    /** Links an event after the current head; {@code fields.seq()} is ignored and assigned here. */
    void append(AuditChain.Fields unnumbered) {
        long seq = jdbc.queryForObject(bump, Long.class);
        Link previous = previous(seq);
        Long afterGap = previous.seq() == seq - 1 ? null : previous.seq();
        AuditChain.Fields fields = new AuditChain.Fields(seq, unnumbered.occurredAt(), unnumbered.actor(),
                unnumbered.action(), unnumbered.entityType(), unnumbered.entityId(), unnumbered.sourceId(),
                unnumbered.before(), unnumbered.after(), unnumbered.reason(), unnumbered.origin(),
                unnumbered.projectId());
        String hash = afterGap == null ? AuditChain.hash(previous.hash(), fields)
                : AuditChain.hashAfterGap(previous.hash(), fields, afterGap);
        jdbc.update("insert into audit_event (seq, prev_hash, hash, occurred_at, actor, action, entity_type, "
                        + "entity_id, source_id, before_state, after_state, reason, origin, after_gap, project_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, previous.hash(), hash, Timestamp.from(fields.occurredAt()), fields.actor(),
                fields.action(), fields.entityType(), fields.entityId(), fields.sourceId(), fields.before(),
                fields.after(), fields.reason(), fields.origin(), afterGap, fields.projectId());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.set(new Link(seq, hash));
                witness.committed(seq, hash);
            }
        });
    }
}
