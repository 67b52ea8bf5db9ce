package org.corroborate.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per account and per client address, for the login form and HTTP Basic
 * alike, and locks either for a while once too many fail: the first lock lasts
 * {@code workbench.security.sign-in.lockout}, each lock after it twice as long, up to the maximum.
 * Only failures count; a success clears the account's count. Each lock is audited. The counts live
 * in memory (one node), bounded in number; a restart forgets them.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    /** Beyond this many tracked keys, forgotten and unlocked ones are dropped so memory stays bounded. */
    static final int MAX_TRACKED = 100_000;

    private final SecurityProperties.SignIn policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final CurrentActor actor;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    SignInThrottle(SecurityProperties properties, Clock clock, ApplicationEventPublisher events,
                   TransactionTemplate transaction, CurrentActor actor) {
        this.policy = properties.signIn();
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
        this.actor = actor;
    }

    /** The failures of one key: how many in a row, when the last was, until when it is locked. */
    record Failures(int count, Instant last, Instant lockedUntil) {}

    /** Refuses at once while the account or the address is locked. */
    void check(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts.get(username), now), lockedUntil(addresses.get(address), now));
        if (until != null) {
            throw new SignInThrottledException(Duration.between(now, until));
        }
    }

    /** Records a wrong password (or unknown account) from an address. */
    void failed(String username, String address) {
        // A name that cannot be an account is counted against its address only: it locks no one, and
        // whatever an attacker typed (NUL, markup, formulas) never reaches the audit trail as a name.
        if (AccountService.isUsername(username)) {
            count(accounts, username, policy.maxFailures(), "Account", username, address);
        }
        count(addresses, address, policy.addressMaxFailures(), "ClientAddress", address, address);
    }

    /** A right password clears the account's count (not the address's: one good account must not reset it). */
    void succeeded(String username) {
        accounts.remove(username);
    }

    private void count(Map<String, Failures> map, String key, int max, String entityType, String entityId,
                       String address) {
        if (key == null || key.isEmpty()) {
            return;
        }
        trim(map);
        Instant now = clock.instant();
        AtomicReference<Failures> locked = new AtomicReference<>();
        map.compute(key, (k, old) -> {
            boolean fresh = old == null || old.last().plus(policy.forgetAfter()).isBefore(now);
            int count = fresh ? 1 : old.count() + 1;
            Instant until = fresh ? null : old.lockedUntil();
            if (count >= max) {
                until = now.plus(lockFor(count - max));
                locked.set(new Failures(count, now, until));
            }
            return new Failures(count, now, until);
        });
        if (locked.get() != null) {
            audit(entityType, entityId, address, locked.get(), now);
        }
    }

    /** The n-th lock (from 0) lasts lockout × 2^n, at most the maximum. */
    Duration lockFor(int n) {
        Duration lock = policy.lockout();
        for (int i = 0; i < n && lock.compareTo(policy.maxLockout()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(policy.maxLockout()) > 0 ? policy.maxLockout() : lock;
    }

    private void audit(String entityType, String entityId, String address, Failures failures, Instant now) {
        Map<String, Object> after = Map.of(entityType.equals("Account") ? "account" : "address", entityId,
                "failures", failures.count(), "lockedUntil", failures.lockedUntil().toString(),
                "lockedForSeconds", Duration.between(now, failures.lockedUntil()).toSeconds(),
                "lastAddress", address == null ? "" : address);
        log.warn("Sign-in locked for {} {} until {} after {} failures", entityType, entityId,
                failures.lockedUntil(), failures.count());
        try {
            actor.runAs("system", Role.ADMIN, () -> transaction.execute(status -> {
                events.publishEvent(Change.created("sign-in.locked", entityType, entityId, null, after));
                return null;
            }));
        } catch (RuntimeException e) {
            // The lock holds even if the audit cannot be written; the failure is logged, not shown to the guesser.
            log.error("Could not audit a sign-in lock", e);
        }
    }

    private static Instant lockedUntil(Failures failures, Instant now) {
        return failures != null && failures.lockedUntil() != null && failures.lockedUntil().isAfter(now)
                ? failures.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private void trim(Map<String, Failures> map) {
        if (map.size() < MAX_TRACKED) {
            return;
        }
        Instant now = clock.instant();
        map.entrySet().removeIf(e -> lockedUntil(e.getValue(), now) == null
                && e.getValue().last().plus(policy.forgetAfter()).isBefore(now));
        if (map.size() >= MAX_TRACKED) {
            map.entrySet().removeIf(e -> lockedUntil(e.getValue(), now) == null);
        }
    }
}
