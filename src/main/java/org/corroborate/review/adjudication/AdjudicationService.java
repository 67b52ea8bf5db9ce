package org.corroborate.review.adjudication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationChanging;
import org.corroborate.annotation.AnnotationDeleting;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.BlindMode;
import org.corroborate.annotation.LabelledSpanRules;
import org.corroborate.annotation.ReviewChanged;
import org.corroborate.annotation.LabelledSpanRules.LabelledSpan;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CodePoints;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Provenance;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.review.Participants;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjudication: supervisors settle each unit of competing annotations into the gold layer (or reject
 * it), always with a reason; every decision is audited and links the gold span to the annotations
 * it came from. Every member of the project may read the gold layer and the decisions, so reviewers
 * see how their work was adjudicated; blind mode keeps them from a reviewer until they submit.
 */
@Service
@Transactional
public class AdjudicationService {

    private final DecisionRepository decisions;
    private final AnnotationService annotations;
    private final BlindMode blindMode;
    private final SourceService sources;
    private final SchemeService schemes;
    private final ProjectService projects;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AssignmentService assignments;
    private final ReviewStatusService statuses;

    AdjudicationService(DecisionRepository decisions, AnnotationService annotations, BlindMode blindMode,
                        SourceService sources, SchemeService schemes, ProjectService projects, CurrentActor actor,
                        ApplicationEventPublisher events, Clock clock, AssignmentService assignments,
                        ReviewStatusService statuses) {
        this.blindMode = blindMode;
        this.assignments = assignments;
        this.statuses = statuses;
        this.projects = projects;
        this.decisions = decisions;
        this.annotations = annotations;
        this.sources = sources;
        this.schemes = schemes;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The units of a source, in text order, each with its decision: see {@link CurationUnits} for how
     * annotations are grouped and when a unit counts as agreed. Its participants follow the rule
     * agreement follows ({@link Participants}).
     */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public List<Unit> units(long sourceId) {
        projects.requireOverseer(projectOf(sourceId), "adjudicate its sources");
        List<AnnotationDetails> all = annotations.visible(sourceId, null);
        Set<String> submitted = new TreeSet<>();
        statuses.statusesOf(sourceId).stream().filter(s -> s.status() == ReviewState.SUBMITTED)
                .forEach(s -> submitted.add(s.reviewer()));
        Set<String> participants = Participants.of(assignments.reviewersOf(sourceId), submitted,
                all.stream().map(AnnotationDetails::author).toList());
        List<DecisionDetails> made = decisions.findBySourceIdOrderByIdAsc(sourceId).stream()
                .map(Decision::toDetails).toList();
        return CurationUnits.of(all, participants, made);
    }

    /**
     * Records a decision on a unit that has none yet. The annotations named should be the unit's
     * versions; should they lie in several units, the decision joins them into one (see
     * {@link CurationUnits}). 409 when one of them, or their unit, already has a decision.
     */
    @PreAuthorize(Roles.SUPERVISES)
    public DecisionDetails decide(long sourceId, DecisionRequest request) {
        ChangeReason.record(request.reason());
        requireSupervisor(sourceId);
        return record(sourceId, request, units(sourceId));
    }

    private DecisionDetails record(long sourceId, DecisionRequest request, List<Unit> units) {
        List<AnnotationDetails> versions = versions(sourceId, request);
        List<Decision> existing = decisions.findByAnyAnnotation(request.annotationIds());
        if (!existing.isEmpty()) {
            throw WorkbenchException.conflict("This unit already has decision " + existing.getFirst().getId()
                    + "; revise that decision instead.");
        }
        units.stream().filter(u -> u.decision() != null && request.annotationIds().stream().anyMatch(u::holds))
                .findFirst().ifPresent(u -> {
                    throw WorkbenchException.conflict("This " + u.label() + " unit (" + u.start() + "–" + u.end()
                            + ") already has decision " + u.decision().id() + "; revise that decision instead.");
                });
        Decision decision = new Decision(sourceId);
        decision.decide(request.outcome(), gold(sourceId, request, versions, true), request.annotationIds(),
                request.reason().strip(), actor.require(), clock.instant());
        DecisionDetails after = saveChecked(decision);
        // The reason is the event's own, as with every write a person gives a reason for, not only the after-state's.
        events.publishEvent(Change.updated("decision.made", "Decision", after.id(), sourceId, null, after,
                after.reason()));
        events.publishEvent(ReviewChanged.onAnnotations(sourceId, after.basedOn(), actor.require()));
        return after;
    }

    /**
     * Records a decision from an imported corpus as its supervisor made it, keeping who decided and
     * when, and marks it as imported by the caller, now, from {@code file}. The gold span is given in
     * full (start, end, label). Only supervisors and administrators import; {@code origin} says from
     * where in the audit trail. A supervisor's revision makes it a decision of this workbench.
     */
    @PreAuthorize(Roles.OVERSEES)
    public DecisionDetails importDecision(long sourceId, DecisionRequest request, String decidedBy,
                                          Instant decidedAt, String file, String origin) {
        ChangeReason.record(origin);
        TextRules.line("decidedBy", decidedBy);
        if (decidedBy == null || decidedBy.isBlank()) {
            throw WorkbenchException.badInput("The decision does not say who made it.");
        }
        projects.requireOverseer(projectOf(sourceId), "import decisions");
        List<AnnotationDetails> versions = versions(sourceId, request);
        List<Decision> existing = decisions.findByAnyAnnotation(request.annotationIds());
        if (!existing.isEmpty()) {
            throw WorkbenchException.conflict("These annotations already have decision " + existing.getFirst().getId()
                    + ".");
        }
        Decision decision = new Decision(sourceId);
        decision.decide(request.outcome(), gold(sourceId, request, versions, false), request.annotationIds(),
                request.reason().strip(), decidedBy.strip(), decidedAt == null ? clock.instant() : decidedAt);
        decision.imported(new Provenance(actor.require(), clock.instant(), Provenance.fileName(file)));
        DecisionDetails after = saveChecked(decision);
        events.publishEvent(new Change("decision.imported", "Decision", String.valueOf(after.id()),
                sourceId, null, after, origin));
        events.publishEvent(ReviewChanged.onAnnotations(sourceId, after.basedOn(), actor.require()));
        return after;
    }

    /** Changes a decision, given the version the supervisor saw. */
    @PreAuthorize(Roles.SUPERVISES)
    public DecisionDetails revise(long decisionId, DecisionRequest request) {
        ChangeReason.record(request.reason());
        Decision decision = decisions.findById(decisionId)
                .filter(d -> sources.projectOf(d.toDetails().sourceId()).map(projects::mayRead).orElse(false))
                .orElseThrow(() -> WorkbenchException.notFound("There is no decision with id " + decisionId + "."));
        DecisionDetails before = decision.toDetails();
        requireSupervisor(before.sourceId());
        if (request.version() == null) {
            throw WorkbenchException.badInput("'version' is required: the version of decision " + decisionId
                    + " you read (it is at version " + decision.getVersion() + ").");
        }
        if (request.version() != decision.getVersion()) {
            throw WorkbenchException.conflict("Decision " + decisionId + " was changed since you read it (it is at "
                    + "version " + decision.getVersion() + "); reload it and try again.");
        }
        DecisionRequest scoped = request.annotationIds() == null || request.annotationIds().isEmpty()
                ? request.about(before.basedOn()) : request;
        List<AnnotationDetails> versions = versions(before.sourceId(), scoped);
        decision.decide(scoped.outcome(), gold(before.sourceId(), scoped, versions, true), scoped.annotationIds(),
                scoped.reason().strip(), actor.require(), clock.instant());
        decision.becomeLive();
        DecisionDetails after = saveChecked(decision);
        events.publishEvent(Change.updated("decision.revised", "Decision", decisionId, before.sourceId(), before, after,
                scoped.reason().strip()));
        Set<Long> touched = new TreeSet<>(before.basedOn());
        touched.addAll(after.basedOn());
        events.publishEvent(ReviewChanged.onAnnotations(before.sourceId(), touched, actor.require()));
        return after;
    }

    /**
     * Saves; what the checks could not see because it happened at the same moment is refused by the
     * database (an annotation in at most one decision, and only one that exists) and answered as a
     * conflict: of ten identical decisions at once, one is made and nine are told so.
     */
    private DecisionDetails saveChecked(Decision decision) {
        try {
            return decisions.saveAndFlush(decision).toDetails();
        } catch (DataIntegrityViolationException raced) {
            String cause = String.valueOf(raced.getMostSpecificCause().getMessage()).toLowerCase();
            if (cause.contains("fk_decision_annotation_annotation")) {
                throw WorkbenchException.conflict("An annotation of this unit was deleted at the same moment; nothing "
                        + "was decided. Reload the unit.");
            }
            throw WorkbenchException.conflict("This unit was decided by another request at the same moment; nothing "
                    + "was changed. Reload it and revise that decision if you need to.");
        }
    }

    /**
     * Refuses to delete an annotation a decision rests on: the gold span would point at nothing. A
     * supervisor revises the decision first (so it no longer rests on the annotation), then it may go.
     */
    @EventListener
    public void annotationDeleting(AnnotationDeleting deleting) {
        List<Decision> resting = decisions.findByAnyAnnotation(List.of(deleting.annotationId()));
        if (!resting.isEmpty()) {
            throw WorkbenchException.conflict("Annotation " + deleting.annotationId() + " was adjudicated in decision "
                    + resting.getFirst().getId() + "; it cannot be deleted while that decision rests on it. A "
                    + "supervisor must revise the decision first.");
        }
    }

    /**
     * Refuses to change an annotation a decision rests on (409): the decision names it as the work
     * the gold span came from, so it stays as it was judged until a supervisor revises the decision.
     */
    @EventListener
    public void annotationChanging(AnnotationChanging changing) {
        List<Decision> resting = decisions.findByAnyAnnotation(List.of(changing.annotationId()));
        if (!resting.isEmpty()) {
            throw WorkbenchException.conflict("Annotation " + changing.annotationId() + " was adjudicated in decision "
                    + resting.getFirst().getId() + "; it cannot be changed while that decision rests on it. A "
                    + "supervisor must revise the decision first.");
        }
    }

    /**
     * Accepts, as they are, every undecided unit that is agreed (every participant made the same span
     * with the unit's label; see {@link CurationUnits}); the gold span is the earliest version's. Returns
     * the decisions made, one per unit.
     */
    @PreAuthorize(Roles.SUPERVISES)
    public List<DecisionDetails> acceptAgreed(long sourceId, String reason) {
        requireSupervisor(sourceId);
        String why = reason == null || reason.isBlank() ? "Every reviewer agreed." : reason;
        ChangeReason.record(why);
        List<Unit> units = units(sourceId);
        List<DecisionDetails> made = new ArrayList<>();
        for (Unit unit : units) {
            if (unit.agreed() && unit.decision() == null) {
                Set<Long> ids = unit.versions().stream().map(AnnotationDetails::id).collect(Collectors.toCollection(TreeSet::new));
                made.add(record(sourceId, DecisionRequest.accept(ids, ids.iterator().next(), why), units));
            }
        }
        return made;
    }

    /**
     * The latest decision's outcome for every annotation a decision was based on, on the sources of
     * those of these projects the caller may read, by annotation id: what corpus search filters on
     * ({@code decision}, the gold layer). A filter, not a view: the search applies blind mode (no
     * decision matches on a source blind to the caller).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Outcome> outcomesIn(java.util.Collection<Long> projectIds) {
        Set<Long> readable = new TreeSet<>(projectIds);
        readable.retainAll(projects.readableIds());
        Map<Long, Outcome> outcomes = new java.util.HashMap<>();
        if (readable.isEmpty()) {
            return outcomes;
        }
        for (Object[] row : decisions.outcomesIn(readable)) {
            outcomes.put(((Number) row[0]).longValue(), Outcome.valueOf((String) row[1]));
        }
        return outcomes;
    }

    /**
     * The latest decision's outcome for each of these annotations that a decision was based on (ids
     * without a decision are absent). For corpus search's hits, which already passed blind mode.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Outcome> outcomesOf(java.util.Collection<Long> annotationIds) {
        Map<Long, Outcome> outcomes = new java.util.HashMap<>();
        if (annotationIds.isEmpty()) {
            return outcomes;
        }
        Set<Long> wanted = Set.copyOf(annotationIds);
        Set<Long> readable = projects.readableIds();
        decisions.findByAnyAnnotation(wanted).stream().map(Decision::toDetails)
                .sorted(Comparator.comparing(DecisionDetails::id))
                .filter(d -> sources.projectOf(d.sourceId()).map(readable::contains).orElse(false))
                .forEach(d -> d.basedOn().stream().filter(wanted::contains)
                        .forEach(id -> outcomes.put(id, d.outcome())));
        return outcomes;
    }

    /**
     * Every decision on a source, oldest first; none for a caller blind mode keeps from colleagues'
     * work ({@link BlindMode}). A decision is a supervisor's judgement of everyone's versions, with
     * its reason, even when it rests on the caller's own annotation alone, so a reviewer who has not
     * submitted a blind source sees no decision and no gold span of it at all.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DecisionDetails> decisions(long sourceId) {
        SourceSummary source = sources.summary(sourceId);
        if (!blindMode.seesColleaguesWork(source)) {
            return List.of();
        }
        return decisions.findBySourceIdOrderByIdAsc(sourceId).stream().map(Decision::toDetails).toList();
    }

    /**
     * The gold layer of a source: the accepted decisions, in text order; empty for a caller blind
     * mode keeps from colleagues' work (see {@link #decisions}). Every reader of gold (the API, the
     * exports, the workspace) comes through here.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DecisionDetails> gold(long sourceId) {
        return decisions(sourceId).stream().filter(d -> d.outcome() == Outcome.ACCEPTED)
                .sorted(Comparator.comparingInt((DecisionDetails d) -> d.gold().start()).thenComparingInt(d -> d.gold().end()))
                .toList();
    }

    /** The project of a readable source; 404 for a source outside the caller's projects. */
    private long projectOf(long sourceId) {
        return sources.summary(sourceId).project();
    }

    /** Only a supervisor of the source's project decides there: 404 for a non-member, 403 for a reviewer. */
    private void requireSupervisor(long sourceId) {
        projects.require(projectOf(sourceId), EnumSet.of(Role.SUPERVISOR), "adjudicate its sources");
    }

    private List<AnnotationDetails> versions(long sourceId, DecisionRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw WorkbenchException.badInput("Say why: every decision needs a reason.");
        }
        if (request.outcome() == null) {
            throw WorkbenchException.badInput("'outcome' is required: ACCEPTED or REJECTED.");
        }
        if (request.annotationIds() == null || request.annotationIds().isEmpty()) {
            throw WorkbenchException.badInput("'annotationIds' must name the annotations the decision is about.");
        }
        List<AnnotationDetails> versions = new ArrayList<>();
        for (long id : new TreeSet<>(request.annotationIds())) {
            AnnotationDetails annotation = annotations.getForWork(id);
            if (annotation.sourceId() != sourceId) {
                throw WorkbenchException.badInput("Annotation " + id + " belongs to another source.");
            }
            versions.add(annotation);
        }
        return versions;
    }

    /**
     * The gold span an acceptance puts into the gold layer, held to the {@link LabelledSpanRules} like
     * every annotation; required attributes are enforced for a decision made or revised here
     * ({@code complete}), not for an imported one, whose importer reports what it lacks. A new label
     * without attributes keeps the chosen version's values that the new label also has.
     */
    private GoldSpan gold(long sourceId, DecisionRequest request, List<AnnotationDetails> versions, boolean complete) {
        if (request.outcome() == Outcome.REJECTED) {
            return null;
        }
        AnnotationDetails base;
        if (request.from() != null) {
            base = versions.stream().filter(v -> v.id().equals(request.from())).findFirst().orElseThrow(() ->
                    WorkbenchException.badInput("'from' must be one of the annotations the decision is about."));
        } else if (versions.size() == 1) {
            base = versions.getFirst();
        } else if (request.start() == null || request.end() == null || request.label() == null) {
            throw WorkbenchException.badInput("Accepting several versions needs 'from' (the version to keep) or a "
                    + "merged span: 'start', 'end' and 'label'.");
        } else {
            base = versions.getFirst();
        }
        int start = request.start() == null ? base.start() : request.start();
        int end = request.end() == null ? base.end() : request.end();
        LabelledSpanRules rules = new LabelledSpanRules(schemes.current(projectOf(sourceId)));
        CodePoints text = new CodePoints(sources.get(sourceId).text());
        String labelName = request.label() == null ? base.label() : request.label();
        // Relabelled without attributes (edit and accept): the version's values the new label also has.
        Map<String, String> attributes = request.attributes() != null ? request.attributes()
                : labelName.equals(base.label()) ? base.attributes()
                : LabelledSpanRules.keepApplicable(rules.label(labelName), base.attributes());
        String note = request.note() == null ? base.note() : request.note();
        LabelledSpan checked = complete
                ? rules.checkChange(text, start, end, labelName, attributes, note, base.label(), base.attributes())
                : rules.check(text, start, end, labelName, attributes, note);
        return new GoldSpan(checked.start(), checked.end(), checked.label(), checked.attributes(), checked.note(),
                checked.text());
    }
}
