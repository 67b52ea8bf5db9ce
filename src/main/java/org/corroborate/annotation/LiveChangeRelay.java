package org.corroborate.annotation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.cluster.ClusterBus;
import org.corroborate.base.cluster.ClusterMessage;
import org.corroborate.project.ProjectMembersChanged;
import org.corroborate.project.ProjectService;
import org.corroborate.source.BlindModeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries the changes open workspaces show between application nodes, over the {@link ClusterBus}:
 * annotation changes (creates, edits, relabels, restores, deletions), review changes (verdicts,
 * review statuses, decisions), blind mode, and a project's members. Each is put on the bus inside the
 * writing transaction (so it travels only if it commits) as ids, not contents; the receiving node reads
 * the annotation from the database and hands everything to its {@link AnnotationBroadcaster}, which
 * applies the same rules as to its own changes.
 */
@Component
class LiveChangeRelay {

    static final String ANNOTATIONS = "annotation";
    static final String REVIEWS = "review";
    static final String BLIND_MODE = "blind-mode";
    static final String MEMBERS = "project-members";
    /** Annotation ids per review message: 300 ids of up to 19 digits stay well inside one notification. */
    static final int IDS_PER_MESSAGE = 300;

    /** An annotation created, changed or (with {@code deleted}) deleted. */
    record AnnotationMessage(long sourceId, long id, boolean deleted, String actor) {}

    private final ClusterBus bus;
    private final AnnotationBroadcaster broadcaster;
    private final AnnotationRepository annotations;
    private final TransactionTemplate reading;
    private final CurrentActor actor;
    private final ProjectService projects;

    LiveChangeRelay(ClusterBus bus, AnnotationBroadcaster broadcaster, AnnotationRepository annotations,
                    PlatformTransactionManager transactions, CurrentActor actor, ProjectService projects) {
        this.projects = projects;
        this.bus = bus;
        this.broadcaster = broadcaster;
        this.annotations = annotations;
        this.actor = actor;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        bus.subscribe(ANNOTATIONS, AnnotationMessage.class, m -> asSystem(() -> annotationArrived(m)));
        bus.subscribe(REVIEWS, ReviewChanged.class, m -> asSystem(() -> broadcaster.reviewed(m.payload(), m.sentAt())));
        bus.subscribe(BLIND_MODE, BlindModeChanged.class, m -> asSystem(() -> broadcaster.blindModeChanged(m.payload())));
        bus.subscribe(MEMBERS, Members.class, m -> asSystem(() -> broadcaster.membersChanged(membersOf(m.payload()))));
    }

    /**
     * Delivery reads blind mode and submissions through the services, which want someone signed in;
     * locally that is the writer, here the workbench itself. What each viewer then reads, the views
     * read in {@code UI.access}, as their viewer.
     */
    private void asSystem(Runnable delivery) {
        actor.runAs("system", Role.ADMIN, () -> {
            delivery.run();
            return null;
        });
    }

    @EventListener
    void annotationChanged(AnnotationChanged change) {
        long id = change.isDeletion() ? change.deletedId() : change.annotation().id();
        bus.publish(ANNOTATIONS, new AnnotationMessage(change.sourceId(), id, change.isDeletion(), change.actor()));
    }

    /** A review change on many annotations (a decision, an import) travels in parts that each fit a notification. */
    @EventListener
    void reviewChanged(ReviewChanged change) {
        if (change.annotationIds().size() <= IDS_PER_MESSAGE) {
            bus.publish(REVIEWS, change);
            return;
        }
        List<Long> ids = List.copyOf(change.annotationIds());
        for (int from = 0; from < ids.size(); from += IDS_PER_MESSAGE) {
            Set<Long> part = Set.copyOf(ids.subList(from, Math.min(ids.size(), from + IDS_PER_MESSAGE)));
            bus.publish(REVIEWS, new ReviewChanged(change.sourceId(), part, change.reviewer(), change.submission(),
                    change.actor()));
        }
    }

    @EventListener
    void blindModeChanged(BlindModeChanged change) {
        bus.publish(BLIND_MODE, change);
    }

    /** A project's members travel with it; for a project too large for one notification, only its id does. */
    @EventListener
    void membersChanged(ProjectMembersChanged change) {
        try {
            bus.publish(MEMBERS, new Members(change.projectId(), change.members()));
        } catch (IllegalArgumentException tooLarge) {
            bus.publish(MEMBERS, new Members(change.projectId(), null));
        }
    }

    /** A project's members as they travel; {@code members} null: read them from the database. */
    record Members(long projectId, Map<String, Set<Role>> members) {}

    private ProjectMembersChanged membersOf(Members message) {
        if (message.members() != null) {
            return new ProjectMembersChanged(message.projectId(), message.members());
        }
        Map<String, Set<Role>> members = new HashMap<>();
        projects.members(message.projectId()).forEach(m -> members.put(m.username(), m.roles()));
        return new ProjectMembersChanged(message.projectId(), members);
    }

    /**
     * Another node committed an annotation change: read it here (only if a view of its source is open on
     * this node) and deliver it. An annotation already gone again is skipped: its deletion follows.
     */
    private void annotationArrived(ClusterMessage<AnnotationMessage> message) {
        AnnotationMessage change = message.payload();
        if (!broadcaster.hasViewsOf(change.sourceId())) {
            return;
        }
        if (change.deleted()) {
            broadcaster.deliver(new AnnotationChanged(change.sourceId(), null, change.id(), change.actor()),
                    message.sentAt());
            return;
        }
        AnnotationDetails now = reading.execute(tx -> annotations.findById(change.id())
                .map(Annotation::toDetails).orElse(null));
        if (now != null) {
            broadcaster.deliver(new AnnotationChanged(change.sourceId(), now, null, change.actor()), message.sentAt());
        }
    }
}
