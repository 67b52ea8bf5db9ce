package org.corroborate.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.BulkWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the chain inside the writer's transaction, in two statements on its
 * connection: bump the head's sequence number and read it back (which locks the head row until
 * commit, so writers append strictly one after another), then insert the event linked to the
 * previous one. An ordinary write does this at its first audited change, so concurrent writers
 * run one after another from there to their commit (which some rules, such as the first review
 * status of a reviewer on a source, rely on). A long job's transaction ({@link BulkWork}: an
 * import's batch of hundreds of changes) instead queues its events and appends them all just
 * before it commits: its pending entity changes are flushed first (so every row lock it needs is
 * held before the head's), then one statement bumps the head by the number of events and one
 * batch inserts them, each linked to the one before. So a long job holds the head for the moment
 * of each commit, not for its whole length, and other people's writes do not wait for it.
 * The previous event's hash is remembered from the last commit or read by its number. When that
 * event is missing (someone with database rights removed it), the event links to the
 * newest event present and records its number in {@code after_gap}: a broken chain never stops
 * writes. After each commit the new head is handed to the {@link ChainWitness}, outside the
 * database, and {@code workbench.audit.appends} counts the events. A long job's transaction that
 * rolls back (a dry run) never touches the head. Plain JDBC on purpose: this is the hot path of every write in the workbench.
 */
@Component
class ChainAppender {

    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    /** Adds {@code ?} to the head's number and returns the new number in one round trip; each database spells it its own way. */
    private final String bump;

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);

    private final ChainWitness witness;
    private final Counter appends;

    ChainAppender(JdbcTemplate jdbc, EntityManager entities, ChainWitness witness, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.witness = witness;
        this.appends = Counter.builder("workbench.audit.appends")
                .description("Audit events appended to the hash chain (committed)").register(meters);
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        this.bump = "PostgreSQL".equalsIgnoreCase(product)
                ? "update audit_chain_head set seq = seq + ? where id = 1 returning seq"
                : "select seq from final table (update audit_chain_head set seq = seq + ? where id = 1)";
    }

    /** The last committed link, so most appends need not read it back; set only after a commit. */
    private final AtomicReference<Link> committed = new AtomicReference<>();

    private record Link(long seq, String hash) {}

    /** The event a new one numbered {@code seq} links to: normally the one numbered just before it. */
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

    /**
     * Links an event after the current head; {@code fields.seq()} is ignored and assigned here (in
     * a long job's transaction: queued, and assigned and appended when it commits).
     *
     * @throws IllegalStateException when no transaction is active
     */
    void append(AuditChain.Fields unnumbered) {
        if (!BulkWork.current()) {
            List<Link> appended = appendNow(List.of(unnumbered), false);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(appended);
                }
            });
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.appended == null) {
            pending.events.add(unnumbered);
        } else {
            // Published by before-commit work that ran after ours: the head is already ours, link it now.
            pending.appended.addAll(appendNow(List.of(unnumbered), true));
        }
    }

    /**
     * Links {@code events} after the current head and inserts them; the head stays locked until the
     * commit. {@code flushFirst}: the transaction's pending entity changes take their row locks
     * before the head's (a long job at its commit).
     */
    private List<Link> appendNow(List<AuditChain.Fields> events, boolean flushFirst) {
        if (flushFirst && entities.isJoinedToTransaction()) {
            entities.flush();
        }
        long last = jdbc.queryForObject(bump, Long.class, events.size());
        long first = last - events.size() + 1;
        Link previous = previous(first);
        Long afterGap = previous.seq() == first - 1 ? null : previous.seq();
        List<Object[]> rows = new ArrayList<>(events.size());
        List<Link> links = new ArrayList<>(events.size());
        long seq = first;
        for (AuditChain.Fields unnumbered : events) {
            AuditChain.Fields fields = new AuditChain.Fields(seq, unnumbered.occurredAt(), unnumbered.actor(),
                    unnumbered.action(), unnumbered.entityType(), unnumbered.entityId(), unnumbered.sourceId(),
                    unnumbered.before(), unnumbered.after(), unnumbered.reason(), unnumbered.origin(),
                    unnumbered.projectId());
            String hash = afterGap == null ? AuditChain.hash(previous.hash(), fields)
                    : AuditChain.hashAfterGap(previous.hash(), fields, afterGap);
            rows.add(new Object[] {seq, previous.hash(), hash, Timestamp.from(fields.occurredAt()), fields.actor(),
                    fields.action(), fields.entityType(), fields.entityId(), fields.sourceId(), fields.before(),
                    fields.after(), fields.reason(), fields.origin(), afterGap, fields.projectId()});
            previous = new Link(seq, hash);
            links.add(previous);
            afterGap = null;
            seq++;
        }
        jdbc.batchUpdate("insert into audit_event (seq, prev_hash, hash, occurred_at, actor, action, entity_type, "
                + "entity_id, source_id, before_state, after_state, reason, origin, after_gap, project_id) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return links;
    }

    /** After a commit: remembers the new head, counts the events and tells the witness. */
    private void committed(List<Link> appended) {
        if (appended.isEmpty()) {
            return;
        }
        Link head = appended.getLast();
        committed.set(head);
        appends.increment(appended.size());
        witness.committed(head.seq(), head.hash());
    }

    /** A long job's transaction's events, appended just before it commits; last of the before-commit work. */
    private final class Pending implements TransactionSynchronization {

        final List<AuditChain.Fields> events = new ArrayList<>();
        /** What was appended at the commit; null until then. */
        List<Link> appended;

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = events.isEmpty() ? new ArrayList<>() : new ArrayList<>(appendNow(events, true));
        }

        @Override
        public void afterCommit() {
            if (appended != null) {
                committed(appended);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChainAppender.this);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(ChainAppender.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(ChainAppender.this, this);
        }
    }
}
