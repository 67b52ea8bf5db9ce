package org.corroborate.claim;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.corroborate.base.cluster.ClusterBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open views that a claim changed ({@link ClaimChanged}, ids only): changes committed on this
 * node after their commit, and those other nodes commit through the {@link ClusterBus} (topic
 * {@value #TOPIC}, put on the bus inside the writing transaction, so it travels only if it commits).
 * A view subscribes to a project and reads the claim again as its viewer (who may see which member
 * is decided then, by the same rules as every read), so nothing a viewer may not see travels here.
 */
@Component
public class ClaimUpdates {

    /** The cluster topic of claim changes. */
    static final String TOPIC = "claim";

    private static final Logger log = LoggerFactory.getLogger(ClaimUpdates.class);

    private final ClusterBus bus;
    private final Map<Long, List<Consumer<ClaimChanged>>> byProject = new ConcurrentHashMap<>();

    ClaimUpdates(ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, ClaimChanged.class, m -> deliver(m.payload()));
    }

    /**
     * Hears every committed change of the project's claims until the returned handle is closed; the
     * listener runs on the committing thread or the bus's delivery thread (a view hands it to its UI).
     */
    public AutoCloseable subscribe(long projectId, Consumer<ClaimChanged> listener) {
        List<Consumer<ClaimChanged>> listeners = byProject.computeIfAbsent(projectId,
                p -> new CopyOnWriteArrayList<>());
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** In the writing transaction: onto the bus, sent to the other nodes only if it commits. */
    @EventListener
    void relay(ClaimChanged change) {
        bus.publish(TOPIC, change);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(ClaimChanged change) {
        deliver(change);
    }

    private void deliver(ClaimChanged change) {
        for (Consumer<ClaimChanged> listener : byProject.getOrDefault(change.projectId(), List.of())) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A view failed to take claim change {}: {}", change, e.toString());
            }
        }
    }
}
