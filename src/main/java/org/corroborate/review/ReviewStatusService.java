package org.corroborate.review;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corroborate.annotation.AssignmentRule;
import org.corroborate.annotation.BlindMode;
import org.corroborate.annotation.ReviewChanged;
import org.corroborate.annotation.ReviewProgress;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review status per source and reviewer: IN_PROGRESS on the first edit, SUBMITTED by the reviewer,
 * reopened by a supervisor with a reason. Every change is audited.
 */
@Service
@Transactional
public class ReviewStatusService implements ReviewProgress {

    private final ReviewStatusRepository statuses;
    private final SourceService sources;
    private final BlindMode blindMode;
    private final AssignmentRule assignments;
    private final ProjectService projects;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewStatusService(ReviewStatusRepository statuses, SourceService sources, BlindMode blindMode,
                        AssignmentRule assignments, ProjectService projects, CurrentActor actor, ApplicationEventPublisher events, Clock clock) {
        this.blindMode = blindMode;
        this.assignments = assignments;
        this.projects = projects;
        this.statuses = statuses;
        this.sources = sources;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** A reviewer's status on a source; 404 for a source outside the caller's projects. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ReviewStatusDetails statusOf(long sourceId, String reviewer) {
        sources.summary(sourceId);
        return stored(sourceId, reviewer);
    }

    private ReviewStatusDetails stored(long sourceId, String reviewer) {
        return statuses.findBySourceIdAndReviewer(sourceId, reviewer).map(ReviewStatus::toDetails)
                .orElse(new ReviewStatusDetails(sourceId, reviewer, ReviewState.NOT_STARTED, null));
    }

    /**
     * The signed-in person's own status on each of these sources that has one (a missing source is
     * NOT_STARTED): for the library's "My review" column. Their own work is never hidden from them.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Map<Long, ReviewState> myStates(java.util.Collection<Long> sourceIds) {
        java.util.Set<Long> wanted = java.util.Set.copyOf(sourceIds);
        java.util.Map<Long, ReviewState> states = new java.util.HashMap<>();
        statuses.findByReviewer(actor.require()).stream().map(ReviewStatus::toDetails)
                .filter(s -> wanted.contains(s.sourceId()))
                .forEach(s -> states.put(s.sourceId(), s.status()));
        return states;
    }

    /** Every reviewer's status on a source; in blind mode a reviewer who has not submitted sees only their own. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ReviewStatusDetails> statusesOf(long sourceId) {
        String me = actor.require();
        // Blind mode hides colleagues' progress from a reviewer as it hides their annotations: until they submit.
        boolean seesAll = blindMode.seesColleaguesWork(sourceId);
        return statuses.findBySourceIdOrderByReviewer(sourceId).stream().map(ReviewStatus::toDetails)
                .filter(s -> seesAll || s.reviewer().equals(me)).toList();
    }

    /**
     * Who has submitted each of a project's sources, by source id (sources nobody submitted are
     * absent), in one query: who takes part in agreement where a source has no assignment. For the
     * project's overseers (404 for a non-member, 403 for a reviewer).
     */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> submittedIn(long projectId) {
        projects.requireOverseer(projectId, "read its reviewers' statuses");
        Map<Long, Set<String>> submitted = new TreeMap<>();
        for (Object[] row : statuses.submittedIn(projectId)) {
            submitted.computeIfAbsent(((Number) row[0]).longValue(), id -> new TreeSet<>()).add((String) row[1]);
        }
        return submitted;
    }

    /**
     * {@code "SOURCE_ID/REVIEWER"} of every review in a state on the sources of those of these projects
     * the caller may read: what corpus search filters annotations on by their author's status. A filter,
     * not a view: the search shows only annotations the caller may read (blind mode), so no colleague's
     * status is disclosed on a blind source. {@code NOT_STARTED} has no rows (it is the absence of one).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<String> reviewsIn(java.util.Collection<Long> projectIds, ReviewState state) {
        Set<Long> readable = new TreeSet<>(projectIds);
        readable.retainAll(projects.readableIds());
        if (readable.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new java.util.HashSet<>();
        for (Object[] row : statuses.inState(readable, state.name())) {
            found.add(((Number) row[0]).longValue() + "/" + row[1]);
        }
        return found;
    }

    /**
     * The caller marks their review of the source as done (a reviewer or supervisor of its project;
     * where the project requires assignments, a reviewer only on a source assigned to them).
     */
    @PreAuthorize(Roles.ANNOTATES)
    public ReviewStatusDetails submit(long sourceId) {
        projects.require(sources.summary(sourceId).project(), Roles.ANNOTATORS, "submit reviews of its sources");
        assignments.require(sourceId);
        return move(sourceId, actor.require(), ReviewState.SUBMITTED, "review.submitted", null);
    }

    /** A supervisor of the source's project sends a submitted source back to a reviewer. */
    @PreAuthorize(Roles.SUPERVISES)
    public ReviewStatusDetails reopen(long sourceId, String reviewer, String reason) {
        projects.require(sources.summary(sourceId).project(), EnumSet.of(Role.SUPERVISOR), "reopen reviews");
        if (reason == null || reason.isBlank()) {
            throw WorkbenchException.badInput("Say why the review is reopened: a reason is required.");
        }
        if (stored(sourceId, reviewer).status() != ReviewState.SUBMITTED) {
            throw WorkbenchException.badInput(reviewer + " has not submitted this source; there is nothing to reopen.");
        }
        ChangeReason.record(reason);
        return move(sourceId, reviewer, ReviewState.IN_PROGRESS, "review.reopened", reason.strip());
    }

    /**
     * Records a reviewer's status from an imported corpus as the file gives it (IN_PROGRESS or
     * SUBMITTED, and when it last changed; now where the file does not say), for a reviewer who has
     * none on this source yet. Only supervisors of the source's project and administrators import;
     * {@code origin} says from where in the audit trail ({@code review.imported}) and the history.
     * A reviewer's own later move (a submission, a supervisor's reopening) changes it as any status.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ReviewStatusDetails importStatus(long sourceId, String reviewer, ReviewState state, Instant changedAt,
                                            String origin) {
        ChangeReason.record(origin);
        projects.requireOverseer(sources.summary(sourceId).project(), "import review statuses");
        TextRules.line("reviewer", reviewer);
        if (reviewer == null || reviewer.isBlank()) {
            throw WorkbenchException.badInput("A review status needs a reviewer.");
        }
        if (state == null || state == ReviewState.NOT_STARTED) {
            throw WorkbenchException.badInput("An imported review status is IN_PROGRESS or SUBMITTED.");
        }
        String name = reviewer.strip();
        if (statuses.findBySourceIdAndReviewer(sourceId, name).isPresent()) {
            throw WorkbenchException.conflict(name + " already has a review status on source " + sourceId + ".");
        }
        ReviewStatus status = new ReviewStatus(sourceId, name);
        status.change(state, changedAt == null ? clock.instant() : changedAt);
        ReviewStatusDetails after = statuses.saveAndFlush(status).toDetails();
        events.publishEvent(new Change("review.imported", "ReviewStatus", sourceId + ":" + name, sourceId,
                null, after, origin));
        events.publishEvent(ReviewChanged.status(sourceId, name, state == ReviewState.SUBMITTED, actor.require()));
        return after;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean hasSubmitted(long sourceId, String reviewer) {
        return statuses.findBySourceIdAndReviewer(sourceId, reviewer)
                .map(s -> s.getStatus() == ReviewState.SUBMITTED).orElse(false);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void worked(long sourceId, String reviewer) {
        ReviewState now = stored(sourceId, reviewer).status();
        if (now == ReviewState.NOT_STARTED) {
            move(sourceId, reviewer, ReviewState.IN_PROGRESS, "review.started", null);
        }
    }

    private ReviewStatusDetails move(long sourceId, String reviewer, ReviewState target, String action, String reason) {
        ReviewStatus status = statuses.findBySourceIdAndReviewer(sourceId, reviewer)
                .orElseGet(() -> new ReviewStatus(sourceId, reviewer));
        ReviewStatusDetails before = status.toDetails();
        if (before.status() == target) {
            return before;
        }
        status.change(target, clock.instant());
        ReviewStatusDetails after = statuses.saveAndFlush(status).toDetails();
        events.publishEvent(Change.updated(action, "ReviewStatus", sourceId + ":" + reviewer, sourceId,
                before.changedAt() == null ? null : before, after, reason));
        events.publishEvent(ReviewChanged.status(sourceId, reviewer,
                before.status() == ReviewState.SUBMITTED || target == ReviewState.SUBMITTED, actor.require()));
        return after;
    }
}
