package org.corroborate.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corroborate.base.Sha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash chain of the audit log: each event's hash is SHA-256 over the previous event's hash and
 * a canonical serialisation of the event (a JSON array of its fields in a fixed order), so that
 * changing, removing or reordering any event breaks every hash after it.
 */
public final class AuditChain {

    /** The "previous hash" of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditChain() {}

    /**
     * The fields that are hashed, in the order they are hashed. {@code projectId} is hashed only when
     * present, after the others, so events written before projects existed keep their hashes.
     */
    public record Fields(long seq, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, Long sourceId, String before, String after, String reason, String origin,
                         Long projectId) {

        /** The fields of an event that belongs to no project, as every event before projects. */
        public Fields(long seq, Instant occurredAt, String actor, String action, String entityType,
                      String entityId, Long sourceId, String before, String after, String reason, String origin) {
            this(seq, occurredAt, actor, action, entityType, entityId, sourceId, before, after, reason, origin, null);
        }

        String canonical() {
            List<Object> fields = new ArrayList<>(Arrays.asList(seq, occurredAt.toString(), actor, action, entityType,
                    entityId, sourceId, before, after, reason, origin));
            if (projectId != null) {
                fields.add(projectId);
            }
            return JSON.writeValueAsString(fields);
        }
    }

    /** The hash of an event given the hash of the one before it. */
    public static String hash(String previousHash, Fields fields) {
        MessageDigest digest = Sha256.digest();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        digest.update(fields.canonical().getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(digest);
    }

    /**
     * The hash of an event appended after a break: it links to event {@code linkedSeq}, the newest
     * one present, instead of the one numbered just before it, and says so inside its own hash, so
     * the flag cannot be removed without breaking the chain after it.
     */
    public static String hashAfterGap(String previousHash, Fields fields, long linkedSeq) {
        MessageDigest digest = Sha256.digest();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        digest.update(fields.canonical().getBytes(StandardCharsets.UTF_8));
        digest.update(("\nafter-gap:" + linkedSeq).getBytes(StandardCharsets.US_ASCII));
        return Sha256.hex(digest);
    }
}
