package org.corroborate.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain in the background every {@code workbench.audit.verify-interval} (first a
 * minute after start, or sooner if the interval is shorter; 0 switches it off): logs the chain's head,
 * records {@code workbench.audit.verify.duration} (timer) and {@code workbench.audit.chain.head} (gauge:
 * the newest event number verified intact), checks the guard again ({@link GuardCheck}), and signs a
 * checkpoint of the head when the chain is intact and guarded ({@link AuditCheckpoints}). Each node runs its own;
 * two nodes signing the same head store one checkpoint.
 */
@Component
class ScheduledVerification {

    private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);

    private final AuditVerifier verifier;
    private final AuditCheckpoints checkpoints;
    private final GuardCheck guard;
    private final Duration interval;
    private final Timer duration;
    private final AtomicLong head = new AtomicLong();
    private ScheduledExecutorService timer;

    ScheduledVerification(AuditVerifier verifier, AuditCheckpoints checkpoints, GuardCheck guard, MeterRegistry meters,
                          @Value("${workbench.audit.verify-interval:1h}") Duration interval) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.guard = guard;
        this.interval = interval;
        this.duration = Timer.builder("workbench.audit.verify.duration")
                .description("How long a scheduled verification of the whole audit chain took").register(meters);
        Gauge.builder("workbench.audit.chain.head", head, AtomicLong::get)
                .description("The newest audit event number that a scheduled verification found intact").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (interval.isZero() || interval.isNegative() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-verification");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        timer.scheduleWithFixedDelay(this::runSafely, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("The audit chain is verified every {} in the background", interval);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The scheduled audit verification failed: {}", e.getMessage(), e);
        }
    }

    /** One verification: what it found, with the checkpoint it signed (if any). Also the tests' way in. */
    Outcome run() {
        List<String> unguarded = guard.recheck();
        AuditVerification verification = duration.record(verifier::verify);
        AuditCheckpoint signed = null;
        if (verification.valid()) {
            head.set(verification.events());
            log.info("Audit chain verified: {} events, head {} ({} ms){}", verification.events(), verification.head(),
                    verification.millis(), unguarded.isEmpty() ? "" : "; " + AppendOnlyGuard.MISSING);
            AuditCheckpoints.Findings findings = checkpoints.check();
            if (!unguarded.isEmpty()) {
                // A signature vouches for a history the database protected; while the guard is missing
                // nothing is signed, so an auditor's checkpoints never cover an unprotected stretch.
                log.error("ALARM audit trail: no checkpoint signed while the append-only guard is missing: {}",
                        String.join("; ", unguarded));
            } else if (findings.problems().isEmpty()) {
                signed = checkpoints.sign(verification.events(), verification.head()).orElse(null);
            } else {
                log.error("ALARM audit trail: the chain does not match its signed checkpoints: {}",
                        String.join(" ", findings.problems()));
            }
        } else {
            log.error("ALARM audit trail: the scheduled verification found the chain broken: {}",
                    verification.problem());
        }
        return new Outcome(verification, signed, unguarded);
    }

    /** What one scheduled verification found and did. */
    record Outcome(AuditVerification verification, AuditCheckpoint signed, List<String> unguarded) {}
}
