package org.corroborate.annotation.relation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.corroborate.base.cluster.ClusterBus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the open workspaces of a source that its relations changed, on this node and, over the
 * {@link ClusterBus} topic {@value #TOPIC}, on the others (as {@code annotation.LiveChangeRelay} does
 * for annotations). Only ids travel: a workspace that hears of a change reads the source's relations
 * again as its viewer ({@link RelationService#visible}), so blind mode applies to what it shows.
 */
@Component
public class RelationBroadcaster {

    /** The cluster bus topic of relation changes. */
    static final String TOPIC = "relation";

    private final ClusterBus bus;
    private final Map<Long, CopyOnWriteArrayList<Consumer<RelationChanged>>> bySource = new ConcurrentHashMap<>();

    RelationBroadcaster(ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, RelationChanged.class, message -> deliver(message.payload()));
    }

    /** Listens to the committed relation changes of one source until the returned handle is closed. */
    public AutoCloseable subscribe(long sourceId, Consumer<RelationChanged> listener) {
        bySource.computeIfAbsent(sourceId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> {
            var listeners = bySource.get(sourceId);
            if (listeners != null) {
                listeners.remove(listener);
            }
        };
    }

    /** Puts the change on the bus inside the writing transaction, so that it travels only if it commits. */
    @EventListener
    void relay(RelationChanged change) {
        bus.publish(TOPIC, change);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(RelationChanged change) {
        deliver(change);
    }

    private void deliver(RelationChanged change) {
        bySource.getOrDefault(change.sourceId(), new CopyOnWriteArrayList<>()).forEach(l -> l.accept(change));
    }
}
