package org.corroborate.annotation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans committed annotation changes out to the views that have a source open, and tells them
 * who else is looking at it. In-memory: one application instance.
 */
@Component
public class AnnotationBroadcaster {

    private final Map<Long, CopyOnWriteArrayList<Subscription>> bySource = new ConcurrentHashMap<>();

    /** Listens to one source until the returned handle is closed. */
    public Subscription subscribe(long sourceId, String username, Consumer<AnnotationChanged> onChange,
                                  Consumer<Set<String>> onPresence) {
        Subscription subscription = new Subscription(sourceId, username, onChange, onPresence);
        bySource.computeIfAbsent(sourceId, id -> new CopyOnWriteArrayList<>()).add(subscription);
        announcePresence(sourceId);
        return subscription;
    }

    /** Who has a source open now. */
    public Set<String> present(long sourceId) {
        Set<String> names = new TreeSet<>();
        bySource.getOrDefault(sourceId, new CopyOnWriteArrayList<>()).forEach(s -> names.add(s.username));
        return names;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(AnnotationChanged change) {
        bySource.getOrDefault(change.sourceId(), new CopyOnWriteArrayList<>())
                .forEach(s -> s.onChange.accept(change));
    }

    private void announcePresence(long sourceId) {
        Set<String> names = present(sourceId);
        bySource.getOrDefault(sourceId, new CopyOnWriteArrayList<>()).forEach(s -> s.onPresence.accept(names));
    }

    /** An open view's registration; closing it stops the updates and updates the others' presence. */
    public final class Subscription implements AutoCloseable {
        private final long sourceId;
        private final String username;
        private final Consumer<AnnotationChanged> onChange;
        private final Consumer<Set<String>> onPresence;

        private Subscription(long sourceId, String username, Consumer<AnnotationChanged> onChange,
                             Consumer<Set<String>> onPresence) {
            this.sourceId = sourceId;
            this.username = username;
            this.onChange = onChange;
            this.onPresence = onPresence;
        }

        @Override
        public void close() {
            var list = bySource.get(sourceId);
            if (list != null && list.remove(this)) {
                announcePresence(sourceId);
            }
        }
    }
}
