package org.corroborate.audit;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the chain's head (table {@code audit_checkpoint}, V19): after a scheduled
 * verification finds the chain intact, its head is signed with the Ed25519 key from
 * {@code workbench.audit.checkpoint.key-file} or {@code .key} and stored. Verification then checks
 * every checkpoint against the chain: a rewritten history (events changed and every later hash
 * recomputed, which the chain alone cannot show) no longer has the signed hash at the signed number.
 * The key stays outside the database, so whoever can rewrite the database cannot sign a new history;
 * an auditor checks the signatures with the public key alone (docs/operations.md, "Signed checkpoints").
 * Without a key there are no new checkpoints; existing ones are still compared with the chain.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CheckpointKey key;

    AuditCheckpoints(JdbcTemplate jdbc, Clock clock,
                     @Value("${workbench.audit.checkpoint.key-file:}") String keyFile,
                     @Value("${workbench.audit.checkpoint.key:}") String keyText) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = !keyFile.isBlank() ? CheckpointKey.fromFile(Path.of(keyFile.strip()))
                : !keyText.isBlank() ? CheckpointKey.fromText(keyText) : null;
        if (key != null) {
            log.info("Audit checkpoints are signed with Ed25519 key {}", key.id());
        }
    }

    /** The id of the signing key, if one is configured. */
    Optional<String> keyId() {
        return Optional.ofNullable(key).map(CheckpointKey::id);
    }

    /** The public half of the signing key as PEM, if one is configured. */
    Optional<String> publicKeyPem() {
        return Optional.ofNullable(key).map(CheckpointKey::publicKeyPem);
    }

    /**
     * Signs and stores a checkpoint of event {@code seq} with {@code hash}, which the caller has just
     * verified; empty when no key is configured or this key already signed that event (another node
     * may have been first).
     */
    Optional<AuditCheckpoint> sign(long seq, String hash) {
        if (key == null || seq <= 0) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String text = AuditCheckpoint.signedText(seq, hash, now, key.id());
        AuditCheckpoint checkpoint = new AuditCheckpoint(seq, hash, now, key.id(), key.sign(text), text);
        try {
            int added = jdbc.update("insert into audit_checkpoint (seq, hash, signed_at, key_id, signature) "
                    + "select ?, ?, ?, ?, ? from audit_chain_head where id = 1 and not exists "
                    + "(select 1 from audit_checkpoint where seq = ? and key_id = ?)",
                    seq, hash, Timestamp.from(now), key.id(), checkpoint.signature(), seq, key.id());
            return added == 1 ? Optional.of(checkpoint) : Optional.empty();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** The newest checkpoints first, at most {@code limit}. */
    List<AuditCheckpoint> list(int limit) {
        return jdbc.query("select seq, hash, signed_at, key_id, signature from audit_checkpoint "
                + "order by seq desc, id desc fetch first " + limit + " rows only", (row, n) -> checkpoint(row));
    }

    /**
     * Every checkpoint compared with the chain as it is now, and its signature with the configured key:
     * what does not hold, one sentence each (empty when all hold), and the number of the first event
     * concerned.
     */
    Findings check() {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Long[] first = {null};
        int[] unchecked = {0};
        jdbc.query("select c.seq, c.hash, c.signed_at, c.key_id, c.signature, e.hash as chain_hash "
                + "from audit_checkpoint c left join audit_event e on e.seq = c.seq order by c.seq, c.id", row -> {
                    AuditCheckpoint checkpoint = checkpoint(row);
                    String chainHash = row.getString("chain_hash");
                    String when = "the checkpoint of event " + checkpoint.seq() + " signed at " + checkpoint.signedAt()
                            + " by key " + checkpoint.keyId();
                    String problem = null;
                    if (key != null && key.id().equals(checkpoint.keyId())) {
                        if (!key.verifies(checkpoint.signedText(), checkpoint.signature())) {
                            problem = "The signature of " + when + " does not verify: the checkpoint was forged or "
                                    + "altered.";
                        }
                    } else {
                        unchecked[0]++;
                    }
                    if (problem == null && chainHash == null) {
                        problem = "The chain no longer holds event " + checkpoint.seq() + ", which " + when
                                + " vouches for: events were removed.";
                    } else if (problem == null && !chainHash.equals(checkpoint.hash())) {
                        problem = "Event " + checkpoint.seq() + " is not the event " + when + " vouches for (hash "
                                + checkpoint.hash() + ", now " + chainHash + "): the history up to it was rewritten.";
                    }
                    if (problem != null) {
                        problems.add(problem);
                        if (first[0] == null) {
                            first[0] = checkpoint.seq();
                        }
                    }
                });
        if (unchecked[0] > 0) {
            warnings.add(unchecked[0] + (unchecked[0] == 1 ? " checkpoint was" : " checkpoints were") + " compared "
                    + "with the chain but its signature not checked: it is signed by another key than the one "
                    + "configured (workbench.audit.checkpoint.key-file).");
        }
        return new Findings(problems, warnings, first[0]);
    }

    /** What {@link #check()} found: problems break the verification, warnings do not. */
    record Findings(List<String> problems, List<String> warnings, Long firstSeq) {}

    private static AuditCheckpoint checkpoint(ResultSet row) throws SQLException {
        long seq = row.getLong("seq");
        String hash = row.getString("hash");
        Instant signedAt = row.getObject("signed_at", OffsetDateTime.class).toInstant();
        String keyId = row.getString("key_id");
        return new AuditCheckpoint(seq, hash, signedAt, keyId, row.getString("signature"),
                AuditCheckpoint.signedText(seq, hash, signedAt, keyId));
    }
}
