package org.corroborate.annotation;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CodePoints;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceSummary;
import org.corroborate.source.SourceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annotations: the only door to them. Checks spans against the source and labels against the
 * scheme, enforces who may change what, keeps versions for optimistic locking, and audits every write.
 */
@Service
@Transactional
public class AnnotationService {

    private final AnnotationRepository annotations;
    private final SourceService sources;
    private final AnnotationRules rules;
    private final ReviewProgress progress;
    private final org.corroborate.audit.EntityHistory history;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Source texts never change, so their code point index can be kept. */
    private final Map<Long, CodePoints> texts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CodePoints> eldest) {
            return size() > 64;
        }
    });
    private final Map<String, Set<String>> suggestions = new ConcurrentHashMap<>();
    private volatile boolean suggestionsLoaded;

    AnnotationService(AnnotationRepository annotations, SourceService sources, SchemeService schemes,
                      ReviewProgress progress, org.corroborate.audit.EntityHistory history, CurrentActor actor,
                      ApplicationEventPublisher events, Clock clock) {
        this.history = history;
        this.annotations = annotations;
        this.sources = sources;
        this.rules = new AnnotationRules(schemes);
        this.progress = progress;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The annotations of a source that the caller may see, optionally only those of some reviewers.
     * Reviewers see their own, and their colleagues' unless the source is blind and they have not submitted.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AnnotationDetails> visible(long sourceId, Set<String> reviewers) {
        SourceSummary source = sources.summary(sourceId);
        String me = actor.require();
        boolean seesOthers = seesColleagues(source, me);
        List<Annotation> found = reviewers == null || reviewers.isEmpty()
                ? annotations.findBySource(sourceId)
                : annotations.findBySourceAndAuthors(sourceId, reviewers);
        return found.stream()
                .filter(a -> seesOthers || a.getAuthor().equals(me))
                .map(Annotation::toDetails)
                .toList();
    }

    /** Whether the caller may see colleagues' annotations on this source now. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean seesColleagues(long sourceId) {
        return seesColleagues(sources.summary(sourceId), actor.require());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AnnotationDetails get(long id) {
        Annotation annotation = load(id);
        String me = actor.require();
        if (!annotation.getAuthor().equals(me) && !seesColleagues(sources.summary(annotation.getSourceId()), me)) {
            throw WorkbenchException.notFound("There is no annotation with id " + id + ".");
        }
        return annotation.toDetails();
    }

    /**
     * The annotation as {@link #get} gives it, its row locked until the caller's transaction ends:
     * for recording work on it (a verdict, a decision) that must not race its deletion. The
     * database's foreign keys refuse an orphan anyway; the lock makes the loser wait and see it gone.
     */
    @PreAuthorize("isAuthenticated()")
    public AnnotationDetails getForWork(long id) {
        annotations.findLocked(id);
        return get(id);
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    public AnnotationDetails create(long sourceId, AnnotationRequest request) {
        if (request.start() == null || request.end() == null) {
            throw WorkbenchException.badInput("'start' and 'end' are required.");
        }
        String me = actor.require();
        Span span = Span.of(text(sourceId), request.start(), request.end());
        LabelScheme.Label label = rules.label(request.label());
        java.time.Instant now = clock.instant();
        Annotation annotation = new Annotation(sourceId, me, now);
        annotation.place(span, now);
        annotation.describe(label.name(), rules.attributes(label, request.attributes()), AnnotationRules.note(request.note()));
        AnnotationDetails after = annotations.saveAndFlush(annotation).toDetails();
        remember(after.attributes());
        events.publishEvent(Change.created("annotation.created", "Annotation", after.id(), sourceId, after));
        // After the audit event: from there every writer holds the audit chain's lock until it commits,
        // so two first edits of one reviewer at the same moment see each other's review status.
        progress.worked(sourceId, me);
        events.publishEvent(new AnnotationChanged(sourceId, after, null, me));
        return after;
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    public AnnotationDetails update(long id, AnnotationRequest request) {
        ChangeReason.record(request.reason());
        Annotation annotation = loadForChange(id, request.version(), request.reason());
        AnnotationDetails before = annotation.toDetails();
        events.publishEvent(new AnnotationChanging(id, before.sourceId()));
        int start = request.start() == null ? before.start() : request.start();
        int end = request.end() == null ? before.end() : request.end();
        LabelScheme.Label label = rules.label(request.label() == null ? before.label() : request.label());
        Map<String, String> attributes = request.attributes() == null
                ? AnnotationRules.keepApplicable(label, before.attributes()) : rules.attributes(label, request.attributes());
        String note = request.note() == null ? before.note() : AnnotationRules.note(request.note());
        if (start != before.start() || end != before.end()) {
            annotation.place(Span.of(text(before.sourceId()), start, end), clock.instant());
        } else {
            annotation.place(new Span(start, end, before.text(), before.contextBefore(), before.contextAfter()),
                    clock.instant());
        }
        annotation.describe(label.name(), attributes, note);
        AnnotationDetails after = saveChecked(annotation, before.version());
        remember(after.attributes());
        events.publishEvent(Change.updated("annotation.updated", "Annotation", id, before.sourceId(), before, after,
                blankToNull(request.reason())));
        workedOnOwn(before);
        events.publishEvent(new AnnotationChanged(before.sourceId(), after, null, actor.require()));
        return after;
    }

    /**
     * Adds an annotation from an imported corpus as its author made it, keeping the author and the
     * times, and marked as imported: by the caller, now, from {@code file}. Only supervisors and
     * administrators import; the audit trail records it too ({@code origin}). Imported work is not
     * anyone's live work here: only a supervisor may change or delete it, with a reason.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public AnnotationDetails importAnnotation(long sourceId, ImportedAnnotation imported, String file, String origin) {
        ChangeReason.record(origin);
        String author = AnnotationRules.author(imported.author());
        Span span = Span.of(text(sourceId), imported.start(), imported.end());
        LabelScheme.Label label = rules.label(imported.label());
        java.time.Instant now = clock.instant();
        java.time.Instant created = imported.createdAt() == null ? now : imported.createdAt();
        Annotation annotation = new Annotation(sourceId, author, created);
        annotation.imported(new org.corroborate.base.Provenance(actor.require(), now,
                org.corroborate.base.Provenance.fileName(file)));
        annotation.place(span, imported.modifiedAt() == null ? created : imported.modifiedAt());
        annotation.describe(label.name(), rules.attributes(label, imported.attributes()),
                AnnotationRules.note(imported.note()));
        AnnotationDetails after = annotations.saveAndFlush(annotation).toDetails();
        remember(after.attributes());
        events.publishEvent(new Change("annotation.imported", "Annotation", String.valueOf(after.id()), sourceId,
                null, after, origin));
        events.publishEvent(new AnnotationChanged(sourceId, after, null, actor.require()));
        return after;
    }

    /**
     * Deletes an annotation; its last state stays in the audit trail and its history. Colleagues'
     * verdicts on it go with it (each audited); an adjudicated annotation is refused (409) until a
     * supervisor revises the decision resting on it. A verdict or decision recorded on it at the
     * same moment makes the deletion a conflict too; the database's foreign keys see to that.
     */
    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    public void delete(long id, Long version, String reason) {
        ChangeReason.record(reason);
        // The row lock first, before anything takes the audit chain's lock: writers of verdicts and
        // decisions lock the annotation in the same order, so they wait for each other, never deadlock.
        annotations.findLocked(id);
        Annotation annotation = loadForChange(id, version, reason);
        AnnotationDetails before = annotation.toDetails();
        events.publishEvent(new AnnotationDeleting(id, before.sourceId()));
        try {
            annotations.delete(annotation);
            annotations.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            throw WorkbenchException.conflict("A colleague recorded a verdict or a supervisor a decision on annotation "
                    + id + " at the same moment. Nothing was deleted; reload and try again.");
        }
        events.publishEvent(Change.updated("annotation.deleted", "Annotation", id, before.sourceId(), before, null,
                blankToNull(reason)));
        workedOnOwn(before);
        events.publishEvent(new AnnotationChanged(before.sourceId(), null, id, actor.require()));
    }

    /** Every state the annotation has had, with who changed it, when and why (from the entity history). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AnnotationRevision> revisions(long id) {
        List<AnnotationRevision> revisions = revisionsOf(id);
        if (revisions.isEmpty()) {
            throw WorkbenchException.notFound("There is no annotation with id " + id + ".");
        }
        requireVisible(revisions.getFirst().state());
        return revisions;
    }

    /** The annotation as it was at a past moment; 404 if it did not exist then. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AnnotationDetails stateAt(long id, java.time.Instant moment) {
        AnnotationDetails state = org.corroborate.audit.EntityHistory.at(
                history.of(Annotation.class, id, Annotation::toDetails), moment);
        if (state == null) {
            throw WorkbenchException.notFound("Annotation " + id + " did not exist at " + moment + ".");
        }
        requireVisible(state);
        return state;
    }

    /**
     * Whether the caller may read this annotation's history (it existed, and they wrote it or may see
     * their colleagues' work on its source); false rather than an error, for the audit timeline.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mayReadHistory(long id) {
        var revisions = history.of(Annotation.class, id, Annotation::toDetails);
        if (revisions.isEmpty()) {
            return false;
        }
        AnnotationDetails first = revisions.getFirst().state();
        String me = actor.require();
        return first != null && (first.author().equals(me) || seesColleagues(sources.summary(first.sourceId()), me));
    }

    private List<AnnotationRevision> revisionsOf(long id) {
        return history.of(Annotation.class, id, Annotation::toDetails).stream()
                .map(r -> new AnnotationRevision(r.revision(), r.at(), r.actor(), r.reason(), r.change(), r.state()))
                .toList();
    }

    private void requireVisible(AnnotationDetails state) {
        String me = actor.require();
        if (state != null && !state.author().equals(me)
                && !seesColleagues(sources.summary(state.sourceId()), me)) {
            throw WorkbenchException.notFound("There is no annotation with id " + state.id() + ".");
        }
    }

    /**
     * Values already given to an attribute, for suggestions (people recur across sources): from the
     * whole corpus, or only the caller's own where the source hides colleagues' work (blind mode).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<String> suggestions(long sourceId, String attribute) {
        String me = actor.require();
        if (!seesColleagues(sources.summary(sourceId), me)) {
            Set<String> own = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            annotations.usedAttributesOf(me).forEach(values -> {
                if (values.containsKey(attribute)) {
                    own.add(values.get(attribute));
                }
            });
            return own;
        }
        if (!suggestionsLoaded) {
            annotations.usedAttributes().forEach(this::remember);
            suggestionsLoaded = true;
        }
        return Collections.unmodifiableSet(suggestions.getOrDefault(attribute, Set.of()));
    }

    private boolean seesColleagues(SourceSummary source, String me) {
        if (!source.blind() || actor.hasRole("SUPERVISOR") || actor.hasRole("ADMIN")) {
            return true;
        }
        return progress.hasSubmitted(source.id(), me);
    }

    /** A reviewer changing their own work is working on the source; a supervisor's override is not their review. */
    private void workedOnOwn(AnnotationDetails annotation) {
        String me = actor.require();
        if (annotation.author().equals(me)) {
            progress.worked(annotation.sourceId(), me);
        }
    }

    /** Saves; a concurrent commit of the same version that slipped past the check is a conflict too. */
    private AnnotationDetails saveChecked(Annotation annotation, long seenVersion) {
        try {
            return annotations.saveAndFlush(annotation).toDetails();
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            throw new WorkbenchException(WorkbenchException.Kind.CONFLICT, "This annotation was changed by someone "
                    + "else at the same moment (you had version " + seenVersion + "). Nothing was saved; reload it "
                    + "and try again.");
        }
    }

    private Annotation loadForChange(long id, Long version, String reason) {
        if (version == null) {
            throw WorkbenchException.badInput("'version' is required: send the version you last saw.");
        }
        Annotation annotation = load(id);
        String me = actor.require();
        if (!annotation.getAuthor().equals(me) && !seesColleagues(sources.summary(annotation.getSourceId()), me)) {
            // What the caller may not see answers as if it did not exist, so ids cannot be probed.
            throw WorkbenchException.notFound("There is no annotation with id " + id + ".");
        }
        org.corroborate.base.Provenance imported = annotation.provenance();
        if (imported != null && !actor.hasRole("SUPERVISOR")) {
            throw new org.springframework.security.access.AccessDeniedException("Annotation " + id + " was imported "
                    + "from '" + imported.importFile() + "' by " + imported.importedBy() + " on " + imported.importedAt()
                    + "; it is not " + me + "'s work in this workbench. Only a supervisor may change or delete it.");
        }
        if (!annotation.getAuthor().equals(me) || imported != null) {
            if (!actor.hasRole("SUPERVISOR")) {
                throw new org.springframework.security.access.AccessDeniedException(
                        "Only the author or a supervisor may change this annotation.");
            }
            if (reason == null || reason.isBlank()) {
                throw WorkbenchException.badInput("Say why you change " + annotation.getAuthor()
                        + "'s annotation: a reason is required.");
            }
        }
        if (annotation.getVersion() != version) {
            throw new StaleAnnotationException(annotation.toDetails(), version);
        }
        return annotation;
    }

    private Annotation load(long id) {
        return annotations.findById(id)
                .orElseThrow(() -> WorkbenchException.notFound("There is no annotation with id " + id + "."));
    }

    private CodePoints text(long sourceId) {
        return texts.computeIfAbsent(sourceId, id -> new CodePoints(sources.get(id).text()));
    }

    private void remember(Map<String, String> attributes) {
        attributes.forEach((name, value) -> suggestions
                .computeIfAbsent(name, n -> new java.util.concurrent.ConcurrentSkipListSet<>(String.CASE_INSENSITIVE_ORDER))
                .add(value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
