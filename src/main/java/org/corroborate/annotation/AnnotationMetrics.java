package org.corroborate.annotation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.corroborate.base.Change;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts annotation writes by people, for {@code /actuator/prometheus}: the counter
 * {@code workbench.annotation.writes} with the tag {@code action} = create, update, delete or restore,
 * each write counted once its transaction commits (a refused or rolled-back one is not). Imported
 * spans are not writes by people and are counted by the import ({@code workbench.import.spans}).
 */
@Component
class AnnotationMetrics {

    private final Map<String, Counter> byAction;

    AnnotationMetrics(MeterRegistry registry) {
        // Registered at start, so every action shows (at 0) before its first write.
        this.byAction = Map.of(
                "annotation.created", counter(registry, "create"),
                "annotation.updated", counter(registry, "update"),
                "annotation.deleted", counter(registry, "delete"),
                "annotation.restored", counter(registry, "restore"));
    }

    private static Counter counter(MeterRegistry registry, String action) {
        return Counter.builder("workbench.annotation.writes").tag("action", action)
                .description("Annotation writes by people, committed").register(registry);
    }

    @EventListener
    void written(Change change) {
        Counter counter = byAction.get(change.action());
        if (counter == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
