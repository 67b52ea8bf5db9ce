package org.corroborate.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.Sha256;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, the only door to them: a person makes tokens for their scripts (each shown
 * once), lists and revokes their own; administrators list and revoke anyone's. A request that sends
 * {@code Authorization: Bearer TOKEN} is checked by {@link #authenticate}: the token's SHA-256 is
 * looked up in the database on every request (an indexed read, no cache), so a revoked or expired
 * token, or one whose account was disabled, is refused at once on every node. Creating and revoking
 * are audited ({@code token.created}, {@code token.revoked}, workbench-wide); neither a token nor
 * its hash ever reaches the audit trail or a log.
 */
@Service
@Transactional
public class ApiTokenService {

    /** How finely {@code lastUsedAt} is kept: it is written when it is older than this, not on every request. */
    public static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(5);
    /** Tokens an account may hold that work (neither revoked nor expired). */
    public static final int MAX_ACTIVE_PER_ACCOUNT = 50;
    /** The furthest a token's expiry may lie ahead: ten years (a date beyond is a typo, or would not fit the database). */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3653);
    /** The longest name a token may have, in characters. */
    public static final int MAX_NAME_LENGTH = 100;
    /** Every token starts so, so that secret scanners and people can tell one when they see it. */
    static final String PREFIX = "cbt_";
    /** The prefix, then 32 random bytes in base64url without padding. */
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final AccountUserDetailsService signIn;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentActor actor;
    private final SecurityContextHolderStrategy security;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, AccountUserDetailsService signIn,
                    ApplicationEventPublisher events, Clock clock, CurrentActor actor,
                    ObjectProvider<SecurityContextHolderStrategy> security) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.signIn = signIn;
        this.events = events;
        this.clock = clock;
        this.actor = actor;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Makes a token for the signed-in person, acting as them within its scope.
     *
     * @return the token's details and the token itself, which the workbench does not keep: show it once
     * @throws WorkbenchException 400 for a blank, multi-line or over-long name, no or unknown scopes, or an
     *         {@code expiresAt} not in the future or more than
     *         {@link #MAX_LIFETIME} ahead; 409 when the account already holds
     *         {@link #MAX_ACTIVE_PER_ACCOUNT} working tokens
     * @throws AccessDeniedException when the caller signed in with a token itself: a token cannot make
     *         tokens, so a stolen one cannot outlive its revocation
     */
    @PreAuthorize("isAuthenticated()")
    public CreatedToken create(NewToken request) {
        if (security.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("A token cannot create tokens: sign in with your password "
                    + "(HTTP Basic or the workbench's sign-in page) to make one.");
        }
        String name = name(request.name());
        TokenScope scope = TokenScope.of(request.scopes());
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw WorkbenchException.badInput("'expiresAt' must be in the future (it is " + request.expiresAt()
                    + "; now is " + now + "); leave it out for a token that does not expire.");
        }
        if (request.expiresAt() != null && request.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw WorkbenchException.badInput("'expiresAt' may be at most " + MAX_LIFETIME.toDays() / 365
                    + " years ahead (it is " + request.expiresAt() + "); leave it out for a token that does not expire.");
        }
        String username = actor.require();
        // Locked first, so that parallel creates (on any node) count one after the other.
        Account owner = accounts.lockByUsername(username)
                .orElseThrow(() -> new AccessDeniedException("Only an account can hold tokens."));
        if (tokens.countActive(username, now) >= MAX_ACTIVE_PER_ACCOUNT) {
            throw WorkbenchException.conflict("You hold " + MAX_ACTIVE_PER_ACCOUNT + " tokens that work, the most an "
                    + "account may; revoke one you no longer use first.");
        }
        String token = newToken();
        ApiToken saved = tokens.saveAndFlush(new ApiToken(owner, name, hash(token), scope, now, request.expiresAt()));
        TokenDetails details = saved.toDetails(now);
        events.publishEvent(Change.created("token.created", "ApiToken", saved.getId(), null, details));
        return new CreatedToken(details, token);
    }

    /** The signed-in person's own tokens, newest first, revoked and expired ones included. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TokenDetails> mine() {
        Instant now = clock.instant();
        return tokens.findOwnedBy(actor.require()).stream().map(t -> t.toDetails(now)).toList();
    }

    /** Administrators: every account's tokens, by owner, newest first. */
    @PreAuthorize(Roles.ADMINISTERS)
    @Transactional(readOnly = true)
    public List<TokenDetails> all() {
        Instant now = clock.instant();
        return tokens.findAllWithOwner().stream().map(t -> t.toDetails(now)).toList();
    }

    /**
     * Revokes a token of the signed-in person's, or anyone's for an administrator: from the next request
     * on, on every node, it gets 401. Revoking a revoked token changes nothing and records nothing.
     *
     * @return the token as it is now
     * @throws WorkbenchException 404 for no such token, and the same for someone else's (for anyone but an
     *         administrator), so that ids cannot be probed
     */
    @PreAuthorize("isAuthenticated()")
    public TokenDetails revoke(long id) {
        String me = actor.require();
        ApiToken token = tokens.findById(id)
                .filter(t -> t.getAccount().getUsername().equals(me) || actor.has(Role.ADMIN))
                .orElseThrow(() -> WorkbenchException.notFound("There is no token with id " + id + "."));
        Instant now = clock.instant();
        TokenDetails before = token.toDetails(now);
        if (token.isRevoked()) {
            return before;
        }
        token.revoke(me, now);
        TokenDetails after = tokens.saveAndFlush(token).toDetails(now);
        events.publishEvent(Change.updated("token.revoked", "ApiToken", id, null, before, after, null));
        return after;
    }

    /**
     * Checks a token a request presents: it signs the request in as its owner, with the roles the owner
     * holds now, when it exists, is neither revoked nor expired, and its account is enabled. Notes when it
     * was used, at most once per {@link #LAST_USED_GRANULARITY}. Called by the API's security filter for
     * every request with a Bearer token, before anyone is signed in.
     */
    TokenCheck authenticate(String presented) {
        if (presented == null || presented.length() != TOKEN_LENGTH || !presented.startsWith(PREFIX)) {
            return TokenCheck.refused("unknown", "This is not a workbench API token (they start with '" + PREFIX
                    + "' and are " + TOKEN_LENGTH + " characters long).");
        }
        ApiToken token = tokens.findByHash(hash(presented)).orElse(null);
        if (token == null) {
            return TokenCheck.refused("unknown", "No such API token: it may have been mistyped.");
        }
        Instant now = clock.instant();
        if (token.isRevoked()) {
            return TokenCheck.refused("revoked", "This API token was revoked at " + token.getRevokedAt() + ".");
        }
        if (token.isExpiredAt(now)) {
            return TokenCheck.refused("expired", "This API token expired at " + token.getExpiresAt() + ".");
        }
        Account owner = token.getAccount();
        if (!owner.isEnabled()) {
            return TokenCheck.refused("disabled", "The account of this API token is disabled.");
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            token.usedAt(now);
        }
        Set<Role> roles = signIn.rolesOf(owner);
        return new TokenCheck(new ApiTokenAuthentication(owner.getUsername(), token.getId(), token.getScope(),
                roles.stream().map(Role::grantedAuthority).toList()), null, null);
    }

    /** A valid token's sign-in, or why a token is refused ({@code reason}: unknown, revoked, expired, disabled). */
    record TokenCheck(ApiTokenAuthentication signedIn, String reason, String message) {

        static TokenCheck refused(String reason, String message) {
            return new TokenCheck(null, reason, message);
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : TextRules.line("name", name).strip();
        if (trimmed.isEmpty()) {
            throw WorkbenchException.badInput("'name' is required: say what the token is for (\"nightly export\").");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw WorkbenchException.badInput("'name' may be at most " + MAX_NAME_LENGTH + " characters long, not "
                    + trimmed.length() + ".");
        }
        return trimmed;
    }
}
