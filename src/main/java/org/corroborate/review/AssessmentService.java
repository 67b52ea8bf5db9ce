package org.corroborate.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corroborate.annotation.AnnotationDeleting;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.AssignmentRule;
import org.corroborate.annotation.BlindMode;
import org.corroborate.annotation.ReviewChanged;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Provenance;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments: how reviewers record whether they agree with each other's annotations. One verdict
 * per reviewer and annotation, changeable, every change audited; only on annotations the reviewer
 * can see and did not write, and where the project requires assignments only on sources assigned to
 * them ({@link AssignmentRule}).
 */
@Service
@Transactional
public class AssessmentService {

    static final int MAX_COMMENT = 2000;

    private final AssessmentRepository assessments;
    private final AnnotationService annotations;
    private final BlindMode blindMode;
    private final AssignmentRule assignments;
    private final SourceService sources;
    private final ProjectService projects;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentService(AssessmentRepository assessments, AnnotationService annotations, BlindMode blindMode,
                      AssignmentRule assignments, SourceService sources, ProjectService projects, CurrentActor actor,
                      ApplicationEventPublisher events, Clock clock) {
        this.blindMode = blindMode;
        this.assignments = assignments;
        this.sources = sources;
        this.projects = projects;
        this.assessments = assessments;
        this.annotations = annotations;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** Records or changes the caller's verdict on a colleague's annotation. */
    @PreAuthorize(Roles.ANNOTATES)
    public AssessmentDetails assess(long annotationId, Verdict verdict, String comment) {
        return assess(annotationId, verdict, comment, null);
    }

    /**
     * Records or changes the caller's verdict, only if their verdict on it is still at {@code version}
     * (null: whatever it is): an undo or redo of a verdict, which must not overwrite a later one (409).
     */
    @PreAuthorize(Roles.ANNOTATES)
    public AssessmentDetails assess(long annotationId, Verdict verdict, String comment, Long version) {
        if (verdict == null) {
            throw WorkbenchException.badInput("'verdict' is required: AGREE, DISAGREE or UNSURE.");
        }
        TextRules.check("comment", comment);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw WorkbenchException.badInput("The comment is longer than " + MAX_COMMENT + " characters.");
        }
        AnnotationDetails annotation = annotations.getForWork(annotationId);
        projects.require(annotation.project(), Roles.ANNOTATORS, "assess its annotations");
        String me = actor.require();
        if (annotation.author().equals(me)) {
            throw WorkbenchException.badInput("You cannot assess your own annotation; your colleagues can.");
        }
        assignments.require(annotation.sourceId());
        Instant now = clock.instant();
        Assessment assessment = assessments.findByAnnotationIdAndReviewer(annotationId, me)
                .orElseGet(() -> new Assessment(annotationId, annotation.sourceId(), me, now));
        AssessmentDetails before = assessment.getId() == null ? null : assessment.toDetails();
        if (version != null && (before == null || before.version() != version)) {
            throw WorkbenchException.conflict("Your verdict on annotation " + annotationId + " changed since (in "
                    + "another tab, or by an import). Nothing was recorded.");
        }
        assessment.judge(verdict, comment == null || comment.isBlank() ? null : comment.strip(), now);
        assessment.becomeLive();
        AssessmentDetails after = saveChecked(assessment, annotationId, me);
        events.publishEvent(before == null
                ? Change.created("assessment.recorded", "Assessment", after.id(), after.sourceId(), after)
                : Change.updated("assessment.changed", "Assessment", after.id(), after.sourceId(), before, after, null));
        events.publishEvent(ReviewChanged.onAnnotations(after.sourceId(), Set.of(annotationId), me));
        return after;
    }

    /**
     * Records a colleague's verdict from an imported corpus under the colleague's name, marked as
     * imported by the caller, now, from {@code file}. Only supervisors and administrators import;
     * {@code origin} says from where in the audit trail. When the colleague later records their own
     * verdict here, it replaces the imported one and is no longer marked imported.
     */
    @PreAuthorize(Roles.OVERSEES)
    public AssessmentDetails importVerdict(long annotationId, String reviewer, Verdict verdict, String file,
                                           String origin) {
        return importVerdict(annotationId, reviewer, verdict, null, null, null, file, origin);
    }

    /**
     * As {@link #importVerdict(long, String, Verdict, String, String)}, keeping the colleague's
     * comment (checked as a comment given here is) and when the verdict was first given and last
     * changed, as the file says (now where it does not).
     */
    @PreAuthorize(Roles.OVERSEES)
    public AssessmentDetails importVerdict(long annotationId, String reviewer, Verdict verdict, String comment,
                                           Instant createdAt, Instant modifiedAt, String file, String origin) {
        ChangeReason.record(origin);
        TextRules.check("comment", comment);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw WorkbenchException.badInput("The comment is longer than " + MAX_COMMENT + " characters.");
        }
        AnnotationDetails annotation = annotations.getForWork(annotationId);
        projects.requireOverseer(annotation.project(), "import verdicts");
        TextRules.line("reviewer", reviewer);
        if (reviewer == null || reviewer.isBlank() || annotation.author().equals(reviewer.strip())) {
            throw WorkbenchException.badInput("A verdict needs a reviewer other than the annotation's author.");
        }
        if (assessments.findByAnnotationIdAndReviewer(annotationId, reviewer.strip()).isPresent()) {
            throw WorkbenchException.conflict(reviewer.strip() + " has already judged annotation " + annotationId + ".");
        }
        Instant now = clock.instant();
        Instant created = createdAt == null ? now : createdAt;
        Assessment assessment = new Assessment(annotationId, annotation.sourceId(), reviewer.strip(), created);
        assessment.judge(verdict, comment == null || comment.isBlank() ? null : comment.strip(),
                modifiedAt == null ? created : modifiedAt);
        assessment.imported(new Provenance(actor.require(), now,
                Provenance.fileName(file)));
        AssessmentDetails after = saveChecked(assessment, annotationId, reviewer.strip());
        events.publishEvent(new Change("assessment.imported", "Assessment",
                String.valueOf(after.id()), after.sourceId(), null, after, origin));
        events.publishEvent(ReviewChanged.onAnnotations(after.sourceId(), Set.of(annotationId), actor.require()));
        return after;
    }

    /**
     * Whether the caller may read this verdict's history: it lies in a project they read, and it is
     * theirs, or judges an annotation whose history they may read on a source where blind mode does
     * not keep colleagues' work from them ({@link BlindMode}). False rather than an error, for the
     * audit timeline.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mayReadHistory(long assessmentId) {
        return assessments.findById(assessmentId).map(Assessment::toDetails)
                .filter(a -> sources.projectOf(a.sourceId()).map(projects::mayRead).orElse(false))
                .map(a -> a.reviewer().equals(actor.require()) || annotations.mayReadHistory(a.annotationId())
                        && blindMode.seesColleaguesWork(a.sourceId()))
                .orElse(false);
    }

    /**
     * Saves; what the checks above could not see because it happened at the same moment is refused
     * by the database (one verdict per reviewer and annotation, on an annotation that exists) and
     * answered as a conflict, never as a server error.
     */
    private AssessmentDetails saveChecked(Assessment assessment, long annotationId, String reviewer) {
        try {
            return assessments.saveAndFlush(assessment).toDetails();
        } catch (DataIntegrityViolationException raced) {
            String cause = String.valueOf(raced.getMostSpecificCause().getMessage()).toLowerCase();
            if (cause.contains("fk_assessment_annotation")) {
                throw WorkbenchException.conflict("Annotation " + annotationId + " was deleted at the same moment; "
                        + "the verdict was not recorded.");
            }
            throw WorkbenchException.conflict(reviewer + "'s verdict on annotation " + annotationId + " was recorded "
                    + "by another request at the same moment; reload it and change it if you need to.");
        }
    }

    /**
     * Withdraws the caller's own verdict on an annotation, if it is still at {@code version} (409
     * otherwise): the undo of a first verdict. Audited ({@code assessment.withdrawn}) and kept in the
     * entity history; 404 when the caller has no verdict on it.
     */
    @PreAuthorize(Roles.ANNOTATES)
    public void withdraw(long annotationId, long version) {
        AnnotationDetails annotation = annotations.getForWork(annotationId);
        projects.require(annotation.project(), Roles.ANNOTATORS, "assess its annotations");
        assignments.require(annotation.sourceId());
        String me = actor.require();
        Assessment assessment = assessments.findByAnnotationIdAndReviewer(annotationId, me)
                .orElseThrow(() -> WorkbenchException.notFound("You have no verdict on annotation " + annotationId
                        + "."));
        AssessmentDetails before = assessment.toDetails();
        if (before.version() != version) {
            throw WorkbenchException.conflict("Your verdict on annotation " + annotationId + " changed since (in "
                    + "another tab, or by an import). Nothing was withdrawn.");
        }
        assessments.delete(assessment);
        assessments.flush();
        events.publishEvent(new Change("assessment.withdrawn", "Assessment", String.valueOf(before.id()),
                before.sourceId(), before, null, null));
        events.publishEvent(ReviewChanged.onAnnotations(before.sourceId(), Set.of(annotationId), me));
    }

    /**
     * Removes the verdicts on an annotation that is being deleted, each one audited with its last
     * state (and kept in the entity history), in the deleting transaction.
     */
    @EventListener
    public void annotationDeleting(AnnotationDeleting deleting) {
        for (Assessment assessment : assessments.findByAnnotationIdOrderByReviewer(deleting.annotationId())) {
            AssessmentDetails before = assessment.toDetails();
            assessments.delete(assessment);
            // Recorded as the workbench's own doing, not the deleter's: a reviewer reads the events she
            // is the actor of, and a colleague's verdict (with its comment) must not reach her that way
            // while the source is blind. The reason names who deleted the annotation.
            Change removed = new Change("assessment.removed", "Assessment", String.valueOf(before.id()),
                    before.sourceId(), before, null, "Annotation " + deleting.annotationId() + " was deleted by "
                    + actor.require() + "; its verdicts went with it.");
            if (before.reviewer().equals(actor.require())) {
                events.publishEvent(removed);
            } else {
                actor.runAs("system", Role.ADMIN, () -> {
                    events.publishEvent(removed);
                    return null;
                });
            }
        }
        assessments.flush();
    }

    /**
     * Every verdict on an annotation the caller can see; in a blind source a reviewer who has not
     * submitted it sees only their own ({@link BlindMode}): colleagues' verdicts, on the reviewer's own
     * annotation too, are colleagues' work.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AssessmentDetails> of(long annotationId) {
        AnnotationDetails annotation = annotations.get(annotationId);
        boolean seesAll = blindMode.seesColleaguesWork(annotation.sourceId());
        String me = actor.require();
        return assessments.findByAnnotationIdOrderByReviewer(annotationId).stream()
                .map(Assessment::toDetails).filter(a -> seesAll || a.reviewer().equals(me)).toList();
    }

    /**
     * Every verdict the caller may see ({@link #of}: in a blind source they have not submitted, only
     * their own) on the annotations of a source in full, by annotation id, each list in reviewer order.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, List<AssessmentDetails>> bySource(long sourceId) {
        Map<Long, List<AssessmentDetails>> verdicts = new HashMap<>();
        readable(sourceId).stream()
                .sorted(java.util.Comparator.comparing(AssessmentDetails::reviewer))
                .forEach(d -> verdicts.computeIfAbsent(d.annotationId(), id -> new ArrayList<>()).add(d));
        return verdicts;
    }

    /** The verdicts on a source the caller may see: all, or in blind mode before submitting only their own. */
    private List<AssessmentDetails> readable(long sourceId) {
        boolean seesAll = blindMode.seesColleaguesWork(sourceId); // 404 outside the caller's projects
        String me = actor.require();
        return assessments.findBySourceId(sourceId).stream().map(Assessment::toDetails)
                .filter(a -> seesAll || a.reviewer().equals(me)).toList();
    }

    /** The tally of the verdicts the caller may see ({@link #of}) per annotation of a source. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Tally> tallies(long sourceId) {
        Map<Long, List<Verdict>> verdicts = new HashMap<>();
        readable(sourceId).forEach(d ->
                verdicts.computeIfAbsent(d.annotationId(), id -> new ArrayList<>()).add(d.verdict()));
        Map<Long, Tally> tallies = new HashMap<>();
        verdicts.forEach((id, list) -> tallies.put(id, Tally.of(list)));
        return tallies;
    }
}
