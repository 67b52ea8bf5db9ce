package org.corroborate.security;

import java.time.Instant;
import java.util.List;

/**
 * An API token as its owner and administrators see it, in the API, the UI and the audit trail: never
 * the token or its hash.
 *
 * @param owner the username of the account the token acts as
 * @param scopes {@code ["read"]} or {@code ["read", "write"]}
 * @param expiresAt when it stops working; null for never
 * @param lastUsedAt when it last signed a request in, to within {@link ApiTokenService#LAST_USED_GRANULARITY}; null for never
 * @param revokedAt when it was revoked, null while it is not; {@code revokedBy} who revoked it
 */
public record TokenDetails(long id, String name, String owner, List<String> scopes, Instant createdAt,
                           Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy, Status status) {

    /** Whether the token works now. */
    public enum Status { ACTIVE, EXPIRED, REVOKED }

    /** Whether the token may write (its scopes hold "write"). */
    public boolean writes() {
        return scopes.contains("write");
    }
}
