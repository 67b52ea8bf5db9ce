package org.corroborate.annotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.corroborate.base.cluster.ClusterBus;
import org.corroborate.base.cluster.ClusterMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link Presence} in this node's memory: the last beat of every open view, forgotten once it is older
 * than {@code workbench.presence.timeout} (55 s by default; views beat every
 * {@code workbench.presence.heartbeat}, 20 s), so a vanished browser's avatar goes within a minute.
 * Shared between nodes through the cluster bus (topic {@value #TOPIC}): every beat and close of a view
 * here is sent to the others, which keep it beside their own views' beats (timed by their own clock on
 * arrival); when a view opens elsewhere, this node answers with a beat of each of its own views of that
 * source, so both sides see each other at once instead of after a heartbeat.
 */
@Component
class NodePresence implements Presence {

    /** The bus topic of presence beats. */
    static final String TOPIC = "presence";

    /** A view's beat as it travels between nodes: {@code opened} for its first, {@code closed} for its last. */
    record Beat(long sourceId, String viewId, String username, boolean opened, boolean closed) {}

    private record Seen(String username, Instant at, boolean local) {}

    private final Map<Long, Map<String, Seen>> bySource = new ConcurrentHashMap<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration timeout;
    private final ClusterBus bus;

    /** One node alone (tests). */
    NodePresence(Clock clock, Duration heartbeat, Duration timeout) {
        this(clock, heartbeat, timeout, null);
    }

    @Autowired
    NodePresence(Clock clock, @Value("${workbench.presence.heartbeat:20s}") Duration heartbeat,
                 @Value("${workbench.presence.timeout:55s}") Duration timeout, ClusterBus bus) {
        if (!timeout.minus(heartbeat).isPositive()) {
            throw new IllegalArgumentException("workbench.presence.timeout (" + timeout
                    + ") must be longer than workbench.presence.heartbeat (" + heartbeat + ")");
        }
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
        this.bus = bus;
        if (bus != null) {
            bus.subscribe(TOPIC, Beat.class, this::arrived);
        }
    }

    @Override
    public void beat(long sourceId, String viewId, String username) {
        Seen before = bySource.computeIfAbsent(sourceId, id -> new ConcurrentHashMap<>())
                .put(viewId, new Seen(username, clock.instant(), true));
        share(new Beat(sourceId, viewId, username, before == null, false));
    }

    @Override
    public void leave(long sourceId, String viewId) {
        Seen[] gone = new Seen[1];
        bySource.computeIfPresent(sourceId, (id, views) -> {
            gone[0] = views.remove(viewId);
            return views.isEmpty() ? null : views;
        });
        if (gone[0] != null && gone[0].local()) {
            share(new Beat(sourceId, viewId, gone[0].username(), false, true));
        }
    }

    @Override
    public Set<String> present(long sourceId) {
        Instant oldest = clock.instant().minus(timeout);
        Set<String> names = new TreeSet<>();
        Map<String, Seen> views = bySource.get(sourceId);
        if (views != null) {
            views.values().removeIf(seen -> seen.at().isBefore(oldest));
            views.values().forEach(seen -> names.add(seen.username()));
        }
        return names;
    }

    @Override
    public Duration heartbeat() {
        return heartbeat;
    }

    @Override
    public void whenChangedElsewhere(LongConsumer sourceChanged) {
        listeners.add(sourceChanged);
    }

    private void share(Beat beat) {
        if (bus != null) {
            bus.publish(TOPIC, beat);
        }
    }

    /** Another node's view beat, opened or closed. */
    private void arrived(ClusterMessage<Beat> message) {
        Beat beat = message.payload();
        if (beat.closed()) {
            bySource.computeIfPresent(beat.sourceId(), (id, views) -> {
                views.remove(beat.viewId());
                return views.isEmpty() ? null : views;
            });
        } else {
            bySource.computeIfAbsent(beat.sourceId(), id -> new ConcurrentHashMap<>())
                    .put(beat.viewId(), new Seen(beat.username(), clock.instant(), false));
        }
        if (beat.opened()) {
            Map<String, Seen> views = bySource.getOrDefault(beat.sourceId(), Map.of());
            views.forEach((viewId, seen) -> {
                if (seen.local()) {
                    share(new Beat(beat.sourceId(), viewId, seen.username(), false, false));
                }
            });
        }
        if (beat.opened() || beat.closed()) {
            listeners.forEach(listener -> listener.accept(beat.sourceId()));
        }
    }
}
