package org.corroborate.annotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link Presence} in this node's memory: the last beat of every open view, forgotten once it is older
 * than {@code workbench.presence.timeout} (55 s by default; views beat every
 * {@code workbench.presence.heartbeat}, 20 s), so a vanished browser's avatar goes within a minute.
 */
@Component
class NodePresence implements Presence {

    private record Beat(String username, Instant at) {}

    private final Map<Long, Map<String, Beat>> bySource = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration timeout;

    NodePresence(Clock clock, @Value("${workbench.presence.heartbeat:20s}") Duration heartbeat,
                 @Value("${workbench.presence.timeout:55s}") Duration timeout) {
        if (!timeout.minus(heartbeat).isPositive()) {
            throw new IllegalArgumentException("workbench.presence.timeout (" + timeout
                    + ") must be longer than workbench.presence.heartbeat (" + heartbeat + ")");
        }
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
    }

    @Override
    public void beat(long sourceId, String viewId, String username) {
        bySource.computeIfAbsent(sourceId, id -> new ConcurrentHashMap<>()).put(viewId, new Beat(username, clock.instant()));
    }

    @Override
    public void leave(long sourceId, String viewId) {
        bySource.computeIfPresent(sourceId, (id, views) -> {
            views.remove(viewId);
            return views.isEmpty() ? null : views;
        });
    }

    @Override
    public Set<String> present(long sourceId) {
        Instant oldest = clock.instant().minus(timeout);
        Set<String> names = new TreeSet<>();
        Map<String, Beat> views = bySource.get(sourceId);
        if (views != null) {
            views.values().removeIf(beat -> beat.at().isBefore(oldest));
            views.values().forEach(beat -> names.add(beat.username()));
        }
        return names;
    }

    @Override
    public Duration heartbeat() {
        return heartbeat;
    }
}
