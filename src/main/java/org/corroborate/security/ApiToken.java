package org.corroborate.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A personal API token: its owner, name, scope and lifetime, and the SHA-256 of the token (the token
 * itself is never stored). Updates write only the columns that changed ({@code DynamicUpdate}), so
 * that a request noting when the token was last used never writes back a revocation it read before.
 */
@Entity
@Table(name = "api_token")
@DynamicUpdate
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false, unique = true)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false, updatable = false)
    private TokenScope scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiToken() {}

    ApiToken(Account account, String name, String tokenHash, TokenScope scope, Instant createdAt, Instant expiresAt) {
        this.account = account;
        this.name = name;
        this.tokenHash = tokenHash;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long getId() { return id; }
    Account getAccount() { return account; }
    TokenScope getScope() { return scope; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getLastUsedAt() { return lastUsedAt; }
    Instant getRevokedAt() { return revokedAt; }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    void usedAt(Instant now) {
        this.lastUsedAt = now;
    }

    void revoke(String by, Instant at) {
        this.revokedAt = at;
        this.revokedBy = by;
    }

    /** The token as the API and the audit trail show it: never its hash. */
    TokenDetails toDetails(Instant now) {
        TokenDetails.Status status = isRevoked() ? TokenDetails.Status.REVOKED
                : isExpiredAt(now) ? TokenDetails.Status.EXPIRED : TokenDetails.Status.ACTIVE;
        return new TokenDetails(id, name, account.getUsername(), scope.granted(), createdAt, expiresAt, lastUsedAt,
                revokedAt, revokedBy, status);
    }
}
