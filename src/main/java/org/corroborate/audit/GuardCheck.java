package org.corroborate.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Acts on what the {@link AppendOnlyGuard} finds, before the workbench serves anyone and again on
 * every scheduled verification. At start-up, with {@code workbench.audit.guard-missing=refuse} (the
 * default) a missing guard, or a database role that could lift it, stops the start
 * ({@link AuditGuardMissingException}); with {@code read-only} the workbench starts with the
 * {@link ReadOnlyGate} closed and an alarm (ERROR in the log, the gauge
 * {@code workbench.audit.guard.intact} at 0, a banner on the audit page). Found missing later, the
 * gate closes whatever the setting (a running workbench cannot un-start); found back, it opens.
 */
@Component
class GuardCheck implements SmartInitializingSingleton {

    /** What to do at start-up when the guard is missing. */
    enum Policy {
        REFUSE, READ_ONLY;

        static Policy parse(String value) {
            return switch (value.strip().toLowerCase().replace('_', '-')) {
                case "refuse", "" -> REFUSE;
                case "read-only" -> READ_ONLY;
                default -> throw new IllegalArgumentException("workbench.audit.guard-missing must be 'refuse' or "
                        + "'read-only', not '" + value + "'.");
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(GuardCheck.class);

    private final AppendOnlyGuard guard;
    private final ReadOnlyGate gate;
    private final Policy policy;
    private final AtomicInteger intact = new AtomicInteger(1);

    GuardCheck(AppendOnlyGuard guard, ReadOnlyGate gate, MeterRegistry meters,
               @Value("${workbench.audit.guard-missing:refuse}") String policy) {
        this.guard = guard;
        this.gate = gate;
        this.policy = Policy.parse(policy);
        Gauge.builder("workbench.audit.guard.intact", intact, AtomicInteger::get)
                .description("1 while the audit trail's append-only guard is in place and the workbench's own "
                        + "database role cannot lift it; 0 otherwise (the workbench is then read-only)")
                .register(meters);
    }

    /** The start-up check: after migrations and before the web server serves anyone. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = guard.allProblems();
        if (!problems.isEmpty() && policy == Policy.REFUSE) {
            intact.set(0);
            throw new AuditGuardMissingException(problems);
        }
        apply(problems, "at start-up");
    }

    /** Checks again (the scheduled verification calls this); returns what is missing, empty when all is in place. */
    List<String> recheck() {
        List<String> problems = guard.allProblems();
        apply(problems, "by the scheduled check");
        return problems;
    }

    private void apply(List<String> problems, String when) {
        intact.set(problems.isEmpty() ? 1 : 0);
        if (problems.isEmpty()) {
            if (gate.open()) {
                log.warn("Audit trail: the append-only guard is back in place; the workbench accepts changes again.");
            }
            return;
        }
        String what = AppendOnlyGuard.MISSING + ": " + String.join("; ", problems) + ".";
        gate.close(what);
        log.error("ALARM audit trail: {} (found {}). The workbench is READ-ONLY: every change is refused (503 "
                + "read_only) until the guard is restored. See docs/operations.md, 'Two database roles' and "
                + "'Append-only guard'.", what, when);
    }
}
