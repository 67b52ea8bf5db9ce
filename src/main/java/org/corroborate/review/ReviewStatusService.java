package org.corroborate.review;

import java.time.Clock;
import java.util.List;
import org.corroborate.annotation.ReviewProgress;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
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
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewStatusService(ReviewStatusRepository statuses, SourceService sources, CurrentActor actor,
                        ApplicationEventPublisher events, Clock clock) {
        this.statuses = statuses;
        this.sources = sources;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ReviewStatusDetails statusOf(long sourceId, String reviewer) {
        return statuses.findBySourceIdAndReviewer(sourceId, reviewer).map(ReviewStatus::toDetails)
                .orElse(new ReviewStatusDetails(sourceId, reviewer, ReviewState.NOT_STARTED, null));
    }

    /** Every reviewer's status on a source; in blind mode a reviewer who has not submitted sees only their own. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ReviewStatusDetails> statusesOf(long sourceId) {
        boolean blind = sources.summary(sourceId).blind();
        String me = actor.require();
        // Blind mode hides colleagues' progress from a reviewer as it hides their annotations: until they submit.
        boolean seesAll = !blind || actor.oversees() || hasSubmitted(sourceId, me);
        return statuses.findBySourceIdOrderByReviewer(sourceId).stream().map(ReviewStatus::toDetails)
                .filter(s -> seesAll || s.reviewer().equals(me)).toList();
    }

    /** The caller marks their review of the source as done. */
    @PreAuthorize(Roles.ANNOTATES)
    public ReviewStatusDetails submit(long sourceId) {
        sources.summary(sourceId);
        return move(sourceId, actor.require(), ReviewState.SUBMITTED, "review.submitted", null);
    }

    /** A supervisor sends a submitted source back to a reviewer. */
    @PreAuthorize(Roles.SUPERVISES)
    public ReviewStatusDetails reopen(long sourceId, String reviewer, String reason) {
        sources.summary(sourceId);
        if (reason == null || reason.isBlank()) {
            throw WorkbenchException.badInput("Say why the review is reopened: a reason is required.");
        }
        if (statusOf(sourceId, reviewer).status() != ReviewState.SUBMITTED) {
            throw WorkbenchException.badInput(reviewer + " has not submitted this source; there is nothing to reopen.");
        }
        ChangeReason.record(reason);
        return move(sourceId, reviewer, ReviewState.IN_PROGRESS, "review.reopened", reason.strip());
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
        ReviewState now = statusOf(sourceId, reviewer).status();
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
        return after;
    }
}
