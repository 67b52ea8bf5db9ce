package org.corroborate.annotation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectMembersChanged;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.corroborate.base.CurrentActor;
import org.corroborate.source.BlindModeChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans committed annotation changes, and review writes shown beside them ({@link ReviewChanged}:
 * verdicts, review statuses, decisions), out to the views that have a source open, and tells them
 * who else is looking at it. Each recipient gets a colleague's annotation only if they may see it
 * at the moment of delivery (blind mode is read then, not when the view opened), and every open
 * view is told when blind mode changes, so it can drop what its viewer may no longer see. When a
 * project's members change, a viewer who left the project stops receiving anything from its sources
 * (their subscription ends), and one whose supervision ended is held to blind mode again.
 * Who is present comes from {@link Presence}: each open view beats ({@link Subscription#beat()}), and
 * a view that stopped beating leaves the others' avatars after the timeout.
 * Views register on the node that serves them; what other nodes commit arrives through
 * {@link LiveChangeRelay} and is delivered exactly like a local change (the same blind rule, read from
 * the database on this node). Metrics: {@code workbench.push.fanout} (recipients per event) and
 * {@code workbench.push.latency} (commit on the writing node to delivery here, tag {@code origin} =
 * local | remote).
 */
@Component
public class AnnotationBroadcaster {

    private final Map<Long, CopyOnWriteArrayList<Subscription>> bySource = new ConcurrentHashMap<>();
    private final AnnotationVisibility visibility;
    private final CurrentActor actor;
    private final ProjectService projects;
    private final SourceService sources;
    private final Presence presence;
    /** Who each source's open views were last told is present. */
    private final Map<Long, Set<String>> announced = new ConcurrentHashMap<>();
    private final Clock clock;
    private final DistributionSummary fanout;
    private final Timer localLatency;
    private final Timer remoteLatency;

    AnnotationBroadcaster(AnnotationVisibility visibility, CurrentActor actor, ProjectService projects,
                          SourceService sources, Presence presence, Clock clock, MeterRegistry meters) {
        this.presence = presence;
        this.visibility = visibility;
        this.actor = actor;
        this.projects = projects;
        this.sources = sources;
        this.clock = clock;
        this.fanout = DistributionSummary.builder("workbench.push.fanout")
                .description("Open views a committed change was pushed to").register(meters);
        this.localLatency = latency("local", meters);
        this.remoteLatency = latency("remote", meters);
        presence.whenChangedElsewhere(this::presenceChangedElsewhere);
    }

    private static Timer latency(String origin, MeterRegistry meters) {
        return Timer.builder("workbench.push.latency").tag("origin", origin)
                .description("From the commit on the writing node to the delivery to open views on this node")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    /** Whether any view of the source is open on this node. */
    boolean hasViewsOf(long sourceId) {
        var subscriptions = bySource.get(sourceId);
        return subscriptions != null && !subscriptions.isEmpty();
    }

    /** The push latency timer for one origin ({@code local} or {@code remote}), for benchmarks and tests. */
    public Timer pushLatency(boolean remote) {
        return remote ? remoteLatency : localLatency;
    }

    /**
     * Listens to one source as the signed-in person until the returned handle is closed.
     * {@code onVisibility} hears whether they may now see colleagues' annotations, after blind mode changed.
     */
    public Subscription subscribe(long sourceId, String username, Consumer<AnnotationChanged> onChange,
                                  Consumer<Set<String>> onPresence, Consumer<Boolean> onVisibility) {
        return subscribe(sourceId, username, onChange, onPresence, onVisibility, review -> { });
    }

    /**
     * As {@link #subscribe(long, String, Consumer, Consumer, Consumer)}; {@code onReview} also hears
     * every committed {@link ReviewChanged} on the source (verdicts, review statuses, decisions).
     */
    public Subscription subscribe(long sourceId, String username, Consumer<AnnotationChanged> onChange,
                                  Consumer<Set<String>> onPresence, Consumer<Boolean> onVisibility,
                                  Consumer<ReviewChanged> onReview) {
        long projectId = sources.summary(sourceId).project();
        boolean overseer = projects.oversees(projectId);
        Subscription subscription = new Subscription(sourceId, projectId, username, actor.has(Role.ADMIN), overseer,
                onChange, onPresence, onVisibility, onReview);
        bySource.computeIfAbsent(sourceId, id -> new CopyOnWriteArrayList<>()).add(subscription);
        presence.beat(sourceId, subscription.viewId, username);
        announcePresence(sourceId);
        return subscription;
    }

    /** Who has a source open now: everyone whose view of it beat within the timeout. */
    public Set<String> present(long sourceId) {
        return presence.present(sourceId);
    }

    /** How often an open view should call {@link Subscription#beat()}. */
    public java.time.Duration heartbeat() {
        return presence.heartbeat();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(AnnotationChanged change) {
        deliver(change, null);
    }

    /**
     * Delivers a change to this node's views of its source. {@code committedAt}: when another node
     * committed it, or null for a change this node just committed.
     */
    void deliver(AnnotationChanged change, Instant committedAt) {
        Instant start = committedAt == null ? clock.instant() : committedAt;
        var subscriptions = bySource.getOrDefault(change.sourceId(), new CopyOnWriteArrayList<>());
        if (subscriptions.isEmpty()) {
            return;
        }
        // Read once, and only if some recipient's view depends on it.
        BooleanSupplier blind = new BooleanSupplier() {
            private Boolean read;

            @Override
            public boolean getAsBoolean() {
                if (read == null) {
                    read = visibility.blind(change.sourceId());
                }
                return read;
            }
        };
        int recipients = 0;
        for (Subscription s : subscriptions) {
            if (mayReceive(s, change, blind)) {
                s.onChange.accept(change);
                recipients++;
            }
        }
        delivered(recipients, start, committedAt != null);
    }

    private void delivered(int recipients, Instant start, boolean remote) {
        fanout.record(recipients);
        if (recipients > 0) {
            (remote ? remoteLatency : localLatency).record(Duration.between(start, clock.instant()).abs());
        }
    }

    /**
     * Relays a committed review write to the source's open views. A change of a reviewer's own
     * status also re-reads what they may see: submitting a blind source shows colleagues' work in
     * every view they have open, and a supervisor's reopening hides it again.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void reviewed(ReviewChanged change) {
        reviewed(change, null);
    }

    /** As {@link #reviewed(ReviewChanged)}; {@code committedAt} as in {@link #deliver}. */
    void reviewed(ReviewChanged change, Instant committedAt) {
        Instant start = committedAt == null ? clock.instant() : committedAt;
        var subscriptions = bySource.getOrDefault(change.sourceId(), new CopyOnWriteArrayList<>());
        if (subscriptions.isEmpty()) {
            return;
        }
        for (Subscription s : subscriptions) {
            if (change.submission() && change.reviewer().equals(s.username) && !s.overseer) {
                s.onVisibility.accept(!visibility.blind(s.sourceId) || visibility.submitted(s.sourceId, s.username));
            }
            s.onReview.accept(change);
        }
        delivered(subscriptions.size(), start, committedAt != null);
    }

    /**
     * Re-checks the open views of a project's sources once its new members are committed: a viewer
     * who no longer belongs to it (and is no administrator) is told they may no longer see
     * colleagues' work and is unsubscribed, so no push reaches them again; the others' supervision
     * is read anew, and they are told what they may now see.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void membersChanged(ProjectMembersChanged change) {
        for (var entry : bySource.entrySet()) {
            for (Subscription s : entry.getValue()) {
                if (s.projectId != change.projectId() || s.admin) {
                    continue;
                }
                Set<Role> roles = change.members().get(s.username);
                if (roles == null) {
                    s.onVisibility.accept(false); // the open view drops colleagues' work at once
                    s.close();
                    continue;
                }
                boolean overseer = roles.contains(Role.SUPERVISOR);
                if (overseer != s.overseer) {
                    s.overseer = overseer;
                    s.onVisibility.accept(overseer || !visibility.blind(s.sourceId)
                            || visibility.submitted(s.sourceId, s.username));
                }
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void blindModeChanged(BlindModeChanged change) {
        for (Subscription s : bySource.getOrDefault(change.sourceId(), new CopyOnWriteArrayList<>())) {
            s.onVisibility.accept(!change.blind() || s.overseer || visibility.submitted(change.sourceId(), s.username));
        }
    }

    /**
     * A deletion carries only an id, which a view ignores unless it shows that annotation; one's own
     * work always arrives; a colleague's only where the source is not blind, or the recipient
     * supervises or has submitted.
     */
    private boolean mayReceive(Subscription s, AnnotationChanged change, BooleanSupplier blind) {
        if (change.isDeletion() || s.overseer || change.annotation().author().equals(s.username)
                || !blind.getAsBoolean()) {
            return true;
        }
        return visibility.submitted(change.sourceId(), s.username);
    }

    private void presenceChangedElsewhere(long sourceId) {
        if (hasViewsOf(sourceId) && !present(sourceId).equals(announced.get(sourceId))) {
            announcePresence(sourceId);
        }
    }

    private void announcePresence(long sourceId) {
        Set<String> names = present(sourceId);
        announced.put(sourceId, names);
        bySource.getOrDefault(sourceId, new CopyOnWriteArrayList<>()).forEach(s -> s.onPresence.accept(names));
    }

    /** An open view's registration; closing it stops the updates and updates the others' presence. */
    public final class Subscription implements AutoCloseable {
        private final long sourceId;
        private final long projectId;
        private final String username;
        private final boolean admin;
        private volatile boolean overseer;
        private final Consumer<AnnotationChanged> onChange;
        private final Consumer<Set<String>> onPresence;
        private final Consumer<Boolean> onVisibility;
        private final Consumer<ReviewChanged> onReview;
        private final String viewId = java.util.UUID.randomUUID().toString();

        private Subscription(long sourceId, long projectId, String username, boolean admin, boolean overseer,
                             Consumer<AnnotationChanged> onChange, Consumer<Set<String>> onPresence,
                             Consumer<Boolean> onVisibility, Consumer<ReviewChanged> onReview) {
            this.sourceId = sourceId;
            this.projectId = projectId;
            this.username = username;
            this.admin = admin;
            this.overseer = overseer;
            this.onChange = onChange;
            this.onPresence = onPresence;
            this.onVisibility = onVisibility;
            this.onReview = onReview;
        }

        /**
         * The open view is alive: keeps its viewer present, and tells the source's views when someone
         * else's view stopped beating (or came back) since they were last told.
         */
        public void beat() {
            var list = bySource.get(sourceId);
            if (list == null || !list.contains(this)) {
                return;
            }
            presence.beat(sourceId, viewId, username);
            if (!present(sourceId).equals(announced.get(sourceId))) {
                announcePresence(sourceId);
            }
        }

        @Override
        public void close() {
            var list = bySource.get(sourceId);
            if (list != null && list.remove(this)) {
                presence.leave(sourceId, viewId);
                announcePresence(sourceId);
            }
        }
    }
}
