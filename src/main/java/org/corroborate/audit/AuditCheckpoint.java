package org.corroborate.audit;

import java.time.Instant;

/**
 * A signed checkpoint of the audit chain: event {@code seq} had hash {@code hash} when the workbench
 * verified the chain up to it at {@code signedAt} (whole seconds, UTC); {@code signature} is the
 * base64 Ed25519 signature, by the key {@code keyId}, of {@code signedText}, which is exactly
 * <pre>
 * corroborate audit checkpoint v1
 * seq: SEQ
 * hash: HASH
 * signed-at: SIGNED_AT (ISO-8601, e.g. 2026-12-01T03:00:00Z)
 * key-id: KEY_ID
 * </pre>
 * (five lines, each ending in a line feed, UTF-8).
 */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String keyId, String signature,
                              String signedText) {

    /** The text a checkpoint's signature covers. */
    public static String signedText(long seq, String hash, Instant signedAt, String keyId) {
        return "corroborate audit checkpoint v1\nseq: " + seq + "\nhash: " + hash + "\nsigned-at: " + signedAt
                + "\nkey-id: " + keyId + "\n";
    }
}
