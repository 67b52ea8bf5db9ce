package org.corroborate.audit;

import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends one event to the chain inside the writer's transaction, in two statements on its
 * connection: bump the head's sequence number and read it back (which locks the head row until
 * commit, so writers append strictly one after another), then insert the event linked to the
 * previous one, whose hash is remembered from the last commit or read by its number.
 * Plain JDBC on purpose: this is the hot path of every write in the workbench.
 */
@Component
class ChainAppender {

    private final JdbcTemplate jdbc;
    /** Bumps the head's number and returns it in one round trip; each database spells it its own way. */
    private final String bump;

    ChainAppender(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        this.bump = "PostgreSQL".equalsIgnoreCase(product)
                ? "update audit_chain_head set seq = seq + 1 where id = 1 returning seq"
                : "select seq from final table (update audit_chain_head set seq = seq + 1 where id = 1)";
    }

    /** The last committed link, so most appends need not read it back; set only after a commit. */
    private final AtomicReference<Link> committed = new AtomicReference<>();

    private record Link(long seq, String hash) {}

    private String previousHash(long seq) {
        if (seq == 1) {
            return AuditChain.GENESIS;
        }
        Link last = committed.get();
        if (last != null && last.seq() == seq - 1) {
            return last.hash();
        }
        return jdbc.queryForObject("select hash from audit_event where seq = ?", String.class, seq - 1);
    }

    /** Links an event after the current head; {@code fields.seq()} is ignored and assigned here. */
    void append(AuditChain.Fields unnumbered) {
        long seq = jdbc.queryForObject(bump, Long.class);
        String previous = previousHash(seq);
        AuditChain.Fields fields = new AuditChain.Fields(seq, unnumbered.occurredAt(), unnumbered.actor(),
                unnumbered.action(), unnumbered.entityType(), unnumbered.entityId(), unnumbered.sourceId(),
                unnumbered.before(), unnumbered.after(), unnumbered.reason(), unnumbered.origin());
        String hash = AuditChain.hash(previous, fields);
        jdbc.update("insert into audit_event (seq, prev_hash, hash, occurred_at, actor, action, entity_type, "
                        + "entity_id, source_id, before_state, after_state, reason, origin) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, previous, hash, Timestamp.from(fields.occurredAt()), fields.actor(),
                fields.action(), fields.entityType(), fields.entityId(), fields.sourceId(), fields.before(),
                fields.after(), fields.reason(), fields.origin());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.set(new Link(seq, hash));
            }
        });
    }
}
