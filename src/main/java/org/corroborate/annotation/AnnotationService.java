package org.corroborate.annotation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.corroborate.annotation.LabelledSpanRules.LabelledSpan;
import org.corroborate.audit.EntityHistory;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CodePoints;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Provenance;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceSummary;
import org.corroborate.source.SourceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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

    private static final int MAX_AUTHOR = 100;

    private final AnnotationRepository annotations;
    private final SourceService sources;
    private final SchemeService schemes;
    private final ProjectService projects;
    private final ReviewProgress progress;
    private final BlindMode blindMode;
    private final AssignmentRule assignments;
    private final EntityHistory history;
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
    /** Per project, the values each attribute has been given there: suggestions never cross projects. */
    private final Map<Long, Map<String, Set<String>>> suggestions = new ConcurrentHashMap<>();
    private final Set<Long> suggestionsLoaded = ConcurrentHashMap.newKeySet();

    AnnotationService(AnnotationRepository annotations, SourceService sources, SchemeService schemes,
                      ProjectService projects,
                      ReviewProgress progress, BlindMode blindMode, AssignmentRule assignments,
                      EntityHistory history, CurrentActor actor, ApplicationEventPublisher events, Clock clock) {
        this.blindMode = blindMode;
        this.assignments = assignments;
        this.history = history;
        this.annotations = annotations;
        this.sources = sources;
        this.schemes = schemes;
        this.projects = projects;
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

    /**
     * The annotations among {@code ids} that the caller may see, by id: the annotations and their sources
     * read in one query each per 1,000 ids, the blind rule asked once per source. Ids that do not exist, lie
     * in projects the caller may not read or are hidden from them by blind mode are left out, never an error:
     * for views that gather annotations from many sources, such as a claim's members.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Map<Long, AnnotationDetails> visibleAmong(java.util.Collection<Long> ids) {
        String me = actor.require();
        List<Long> wanted = ids.stream().distinct().toList();
        List<Annotation> found = new java.util.ArrayList<>(wanted.size());
        for (int from = 0; from < wanted.size(); from += 1000) {
            found.addAll(annotations.findAllById(wanted.subList(from, Math.min(wanted.size(), from + 1000))));
        }
        java.util.Map<Long, SourceSummary> readable = new java.util.HashMap<>();
        for (SourceSummary source : sources.summaries(found.stream().map(Annotation::getSourceId).toList())) {
            readable.put(source.id(), source);
        }
        java.util.Map<Long, Boolean> seesOthers = new java.util.HashMap<>();
        java.util.Map<Long, AnnotationDetails> visible = new java.util.HashMap<>();
        for (Annotation annotation : found) {
            SourceSummary source = readable.get(annotation.getSourceId());
            if (source != null && (annotation.getAuthor().equals(me)
                    || seesOthers.computeIfAbsent(source.id(), id -> seesColleagues(source, me)))) {
                visible.put(annotation.getId(), annotation.toDetails());
            }
        }
        return visible;
    }

    /**
     * Every annotation of a project as source, author, label and span, in one query: what agreement
     * is measured on. Only the project's overseers read it (they see every reviewer's work, blind
     * sources included); 404 for a non-member, 403 for a reviewer.
     */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public List<AnnotationSpan> spansOf(long projectId) {
        projects.requireOverseer(projectId, "read every reviewer's annotations");
        return annotations.spansOf(projectId);
    }

    /**
     * Why the project's {@link AssignmentRule} keeps the caller from annotating this source now (it
     * is not assigned to them), or empty when it does not: for the workspace, which then opens
     * read-only and says why instead of failing on save.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Optional<String> refusalToAnnotate(long sourceId) {
        return assignments.refusal(sourceId);
    }

    /** Whether the caller may see colleagues' annotations on this source now ({@link BlindMode}). */
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
        SourceSummary source = sourceOf(annotation.getId(), annotation.getSourceId());
        if (!annotation.getAuthor().equals(me) && !seesColleagues(source, me)) {
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

    @PreAuthorize(Roles.ANNOTATES)
    public AnnotationDetails create(long sourceId, AnnotationRequest request) {
        String me = actor.require();
        long projectId = sources.summary(sourceId).project();
        projects.require(projectId, Roles.ANNOTATORS, "annotate its sources");
        assignments.require(sourceId);
        CodePoints text = text(sourceId);
        LabelledSpan checked = rules(projectId).checkComplete(text, request.start(), request.end(), request.label(),
                request.attributes(), request.note());
        Instant now = clock.instant();
        Annotation annotation = new Annotation(projectId, sourceId, me, now);
        annotation.place(Span.of(text, checked.start(), checked.end()), now);
        annotation.describe(checked.label(), checked.attributes(), checked.note());
        annotation.savedUnder(schemes.currentNumber(annotation.getProjectId()));
        AnnotationDetails after = annotations.saveAndFlush(annotation).toDetails();
        remember(projectId, after.attributes());
        events.publishEvent(Change.created("annotation.created", "Annotation", after.id(), sourceId, after));
        // After the audit event: from there every writer holds the audit chain's lock until it commits,
        // so two first edits of one reviewer at the same moment see each other's review status.
        progress.worked(sourceId, me);
        events.publishEvent(new AnnotationChanged(sourceId, after, null, me));
        return after;
    }

    @PreAuthorize(Roles.ANNOTATES)
    public AnnotationDetails update(long id, AnnotationRequest request) {
        ChangeReason.record(request.reason());
        Annotation annotation = loadForChange(id, request.version(), request.reason());
        AnnotationDetails before = annotation.toDetails();
        events.publishEvent(new AnnotationChanging(id, before.sourceId()));
        int start = request.start() == null ? before.start() : request.start();
        int end = request.end() == null ? before.end() : request.end();
        LabelledSpanRules rules = rules(annotation.getProjectId());
        String labelName = request.label() == null ? before.label() : request.label();
        // Without new values the span keeps its own; relabelled, it keeps those the new label also has.
        Map<String, String> attributes = request.attributes() != null ? request.attributes()
                : labelName.equals(before.label()) ? before.attributes()
                : LabelledSpanRules.keepApplicable(rules.label(labelName), before.attributes());
        // An orphan's offsets point into an earlier version: unless the request re-anchors it (a new span),
        // its label and values are checked against its kept quote and it stays an orphan.
        boolean staysOrphan = annotation.isOrphaned() && start == before.start() && end == before.end();
        CodePoints checkedText = staysOrphan ? new CodePoints(before.text()) : text(before.sourceId());
        LabelledSpan checked = rules.checkChange(checkedText, staysOrphan ? 0 : start,
                staysOrphan ? checkedText.length() : end, labelName, attributes,
                request.note() == null ? before.note() : request.note(), before.label(), before.attributes());
        if (start != before.start() || end != before.end()) {
            annotation.place(Span.of(text(before.sourceId()), start, end), clock.instant());
        } else {
            annotation.place(new Span(start, end, before.text(), before.contextBefore(), before.contextAfter()),
                    clock.instant());
            if (staysOrphan) {
                annotation.orphan(clock.instant());
            }
        }
        annotation.describe(checked.label(), checked.attributes(), checked.note());
        annotation.savedUnder(schemes.currentNumber(annotation.getProjectId()));
        AnnotationDetails after = saveChecked(annotation, before.version());
        remember(annotation.getProjectId(), after.attributes());
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
     * anyone's live work here: only a supervisor may change or delete it, with a reason. It is held to
     * the {@link LabelledSpanRules} but for required attributes: past work made under an earlier
     * scheme is kept as it was made, and the importer reports what it lacks.
     */
    @PreAuthorize(Roles.OVERSEES)
    public AnnotationDetails importAnnotation(long sourceId, ImportedAnnotation imported, String file, String origin) {
        return importAnnotations(sourceId, List.of(imported), file, origin).getFirst();
    }

    /**
     * Adds several annotations of one source from an imported corpus, as
     * {@link #importAnnotation} adds one, in the given order, with one look-up of the source, the
     * caller's rights and the scheme for all of them and one flush: what makes a large import's
     * time grow with its size and no faster. Each is audited as {@code annotation.imported}.
     */
    @PreAuthorize(Roles.OVERSEES)
    public List<AnnotationDetails> importAnnotations(long sourceId, List<ImportedAnnotation> imported, String file,
                                                     String origin) {
        ChangeReason.record(origin);
        long projectId = sources.summary(sourceId).project();
        projects.requireOverseer(projectId, "import annotations");
        CodePoints text = text(sourceId);
        LabelledSpanRules rules = rules(projectId);
        int schemeNumber = schemes.currentNumber(projectId);
        String importer = actor.require();
        Instant now = clock.instant();
        Provenance provenance = new Provenance(importer, now, Provenance.fileName(file));
        List<Annotation> saved = new ArrayList<>(imported.size());
        for (ImportedAnnotation one : imported) {
            String author = author(one.author());
            LabelledSpan checked = rules.check(text, one.start(), one.end(), one.label(), one.attributes(),
                    one.note());
            Instant created = one.createdAt() == null ? now : one.createdAt();
            Annotation annotation = new Annotation(projectId, sourceId, author, created);
            annotation.imported(provenance);
            annotation.place(Span.of(text, checked.start(), checked.end()),
                    one.modifiedAt() == null ? created : one.modifiedAt());
            annotation.describe(checked.label(), checked.attributes(), checked.note());
            annotation.savedUnder(schemeNumber);
            saved.add(annotations.save(annotation));
        }
        annotations.flush();
        List<AnnotationDetails> made = new ArrayList<>(saved.size());
        for (Annotation annotation : saved) {
            AnnotationDetails after = annotation.toDetails();
            made.add(after);
            remember(projectId, after.attributes());
            events.publishEvent(new Change("annotation.imported", "Annotation", String.valueOf(after.id()), sourceId,
                    null, after, origin));
            events.publishEvent(new AnnotationChanged(sourceId, after, null, importer));
        }
        return made;
    }

    /**
     * Deletes an annotation; its last state stays in the audit trail and its history. Colleagues'
     * verdicts on it go with it (each audited); an adjudicated annotation is refused (409) until a
     * supervisor revises the decision resting on it. A verdict or decision recorded on it at the
     * same moment makes the deletion a conflict too; the database's foreign keys see to that.
     */
    @PreAuthorize(Roles.ANNOTATES)
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
        } catch (DataIntegrityViolationException raced) {
            throw WorkbenchException.conflict("A colleague recorded a verdict or a supervisor a decision on annotation "
                    + id + " at the same moment. Nothing was deleted; reload and try again.");
        }
        events.publishEvent(Change.updated("annotation.deleted", "Annotation", id, before.sourceId(), before, null,
                blankToNull(reason)));
        workedOnOwn(before);
        events.publishEvent(new AnnotationChanged(before.sourceId(), null, id, actor.require()));
    }

    /**
     * Brings a deleted annotation back under its own id, as it was when it was deleted (span, label,
     * attributes, note, author, provenance), at one version more than it had: an undo of a deletion,
     * and a new, audited change ({@code annotation.restored}). {@code version} is the version the
     * caller last saw (the one it was deleted at); 409 when it was changed before it was deleted or is
     * not deleted at all (say, restored by someone else), so nobody's later work is overwritten. Who
     * may restore is who may change it: its author, or a supervisor with a reason; anyone else who
     * may not see it gets 404, as for an id nothing has. Colleagues' verdicts deleted with it stay
     * deleted (they are in the audit trail).
     */
    @PreAuthorize(Roles.ANNOTATES)
    public AnnotationDetails restore(long id, Long version, String reason) {
        ChangeReason.record(reason);
        if (version == null) {
            throw WorkbenchException.badInput("'version' is required: send the version you last saw.");
        }
        List<AnnotationRevision> revisions = revisionsOf(id);
        AnnotationDetails last = revisions.reversed().stream().map(AnnotationRevision::state)
                .filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> WorkbenchException.notFound("There is no annotation with id " + id + "."));
        requireMayChange(last, reason);
        if (annotations.existsById(id)) {
            throw WorkbenchException.conflict("Annotation " + id + " is not deleted (someone may have restored it "
                    + "already). Nothing was restored.");
        }
        if (version < 0 || version > last.version()) {
            throw WorkbenchException.badInput("Annotation " + id + " never had version " + version + ": it was "
                    + "deleted at version " + last.version() + ". Send that version to restore it.");
        }
        if (last.version() != version) {
            throw WorkbenchException.conflict("Annotation " + id + " was changed by someone else before it was "
                    + "deleted (you had version " + version + ", it was deleted at version " + last.version()
                    + "). Nothing was restored; look at its history and try again.");
        }
        annotations.insertWithId(id, last.sourceId(), last.project(), last.start(), last.end(), last.label(),
                last.author(), last.createdAt(), last.text(), last.contextBefore(), last.contextAfter(),
                last.schemeVersion(), version);
        // Completed through the entity, so that the version counts one more and the history keeps the state.
        Annotation restored = load(id);
        restored.place(new Span(last.start(), last.end(), last.text(), last.contextBefore(), last.contextAfter()),
                clock.instant());
        restored.describe(last.label(), last.attributes(), last.note());
        restored.imported(last.imported());
        AnnotationDetails after = saveChecked(restored, version);
        remember(after.project(), after.attributes());
        events.publishEvent(new Change("annotation.restored", "Annotation", String.valueOf(id), after.sourceId(),
                null, after, blankToNull(reason)));
        workedOnOwn(after);
        events.publishEvent(new AnnotationChanged(after.sourceId(), after, null, actor.require()));
        return after;
    }

    /**
     * Forgets a source's code point index when its text is revised (the index is kept because texts
     * change only by a new version).
     */
    @org.springframework.context.event.EventListener
    void textRevised(org.corroborate.source.SourceTextRevised revised) {
        texts.remove(revised.sourceId());
    }

    /**
     * Every annotation of a source, every author's, blind mode notwithstanding: what a revision of the
     * source re-anchors. Only the project's overseers read it; 404 outside the caller's projects.
     */
    @PreAuthorize(Roles.OVERSEES)
    public List<AnnotationDetails> allOf(long sourceId) {
        projects.requireOverseer(sources.summary(sourceId).project(), "re-anchor its annotations");
        return annotations.findBySource(sourceId).stream().map(Annotation::toDetails).toList();
    }

    /**
     * Applies the placements of a revision of a source's text (which must already be the source's
     * current text): a moved or changed annotation takes its new span, quote and context; an orphaned one
     * keeps its offsets and quote and is marked {@code orphaned}; unchanged ones are left alone. Each
     * annotation written is audited as {@code annotation.reanchored} with {@code reason}, its version
     * counts one more. Only the project's overseers re-anchor; placements of other sources' annotations
     * are refused (400), nothing is written then.
     *
     * @return the annotations written, in the order of the placements
     */
    @PreAuthorize(Roles.OVERSEES)
    public List<AnnotationDetails> reanchor(long sourceId, List<org.corroborate.source.version.Reanchoring.Placement>
            placements, String reason) {
        projects.requireOverseer(sources.summary(sourceId).project(), "re-anchor its annotations");
        texts.remove(sourceId);
        CodePoints text = text(sourceId);
        Instant now = clock.instant();
        Map<Long, Annotation> byId = new java.util.HashMap<>();
        List<Long> ids = placements.stream()
                .filter(p -> p.outcome() != org.corroborate.source.version.Reanchoring.Outcome.UNCHANGED)
                .map(org.corroborate.source.version.Reanchoring.Placement::id).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            annotations.findAllById(ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(a -> byId.put(a.getId(), a));
        }
        List<AnnotationDetails[]> changes = new ArrayList<>(ids.size());
        List<Annotation> written = new ArrayList<>(ids.size());
        for (var placement : placements) {
            if (placement.outcome() == org.corroborate.source.version.Reanchoring.Outcome.UNCHANGED) {
                continue;
            }
            Annotation annotation = byId.get(placement.id());
            if (annotation == null || annotation.getSourceId() != sourceId) {
                throw WorkbenchException.badInput("Annotation " + placement.id() + " is not an annotation of source "
                        + sourceId + ".");
            }
            AnnotationDetails before = annotation.toDetails();
            if (placement.outcome() == org.corroborate.source.version.Reanchoring.Outcome.ORPHANED) {
                annotation.orphan(now);
            } else {
                annotation.place(Span.of(text, placement.start(), placement.end()), now);
            }
            written.add(annotation);
            changes.add(new AnnotationDetails[] {before});
        }
        annotations.saveAllAndFlush(written);
        List<AnnotationDetails> after = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            AnnotationDetails now2 = written.get(i).toDetails();
            after.add(now2);
            events.publishEvent(Change.updated("annotation.reanchored", "Annotation", now2.id(), sourceId,
                    changes.get(i)[0], now2, blankToNull(reason)));
            events.publishEvent(new AnnotationChanged(sourceId, now2, null, actor.require()));
        }
        return after;
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
    public AnnotationDetails stateAt(long id, Instant moment) {
        AnnotationDetails state = revisionsOf(id).stream().filter(r -> !r.at().isAfter(moment))
                .reduce((a, b) -> b).map(AnnotationRevision::state).orElse(null);
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
        if (first == null || !sources.projectOf(first.sourceId()).map(projects::mayRead).orElse(false)) {
            return false; // outside the caller's projects it does not exist, even for its author
        }
        return first.author().equals(me) || seesColleagues(sources.summary(first.sourceId()), me);
    }

    /**
     * The history as the API tells it. The entity history keeps neither the version counter (Envers
     * leaves the optimistic-locking column out) nor the moment the workbench gave the change (its
     * revision is timed a little later, when the transaction flushes). Both are restored here, so
     * that a state says the version it had and a change the moment its state says it was made:
     * <ul>
     * <li>version: 0 when created, one more per change, as {@code @Version} counts; every writing
     *     transaction saves an annotation once, so one revision is one increment;</li>
     * <li>when: an import's time for an imported creation, the new {@code modifiedAt} where the
     *     change set it (every create and update does), else (a scheme migration, a deletion) the
     *     revision's own time.</li>
     * </ul>
     */
    private List<AnnotationRevision> revisionsOf(long id) {
        List<AnnotationRevision> told = new ArrayList<>();
        AnnotationDetails previous = null;
        for (EntityHistory.Revision<AnnotationDetails> r : EntityHistory.numbered(
                history.of(Annotation.class, id, Annotation::toDetails), AnnotationService::withVersion)) {
            AnnotationDetails state = r.state();
            Instant at = r.at();
            if (state != null) {
                if ("add".equals(r.change())) {
                    at = state.imported() != null ? state.imported().importedAt() : state.modifiedAt();
                } else if (previous == null || !state.modifiedAt().equals(previous.modifiedAt())) {
                    at = state.modifiedAt();
                }
            }
            told.add(new AnnotationRevision(r.revision(), at, r.actor(), r.reason(), r.change(), state));
            previous = state;
        }
        return told;
    }

    private static AnnotationDetails withVersion(AnnotationDetails a, long version) {
        return new AnnotationDetails(a.id(), a.sourceId(), a.start(), a.end(), a.label(), a.attributes(), a.note(),
                a.author(), a.createdAt(), a.modifiedAt(), a.text(), a.contextBefore(), a.contextAfter(), version,
                a.imported(), a.project(), a.schemeVersion(), a.anchorState());
    }

    /**
     * The source of an annotation, for the caller: outside the caller's projects the annotation does
     * not exist, and the answer says so in the words it uses for an id nothing has (naming the
     * source would tell that the annotation exists, and where).
     */
    private SourceSummary sourceOf(long annotationId, long sourceId) {
        try {
            return sources.summary(sourceId);
        } catch (WorkbenchException e) {
            if (e.kind() == WorkbenchException.Kind.NOT_FOUND) {
                throw WorkbenchException.notFound("There is no annotation with id " + annotationId + ".");
            }
            throw e;
        }
    }

    private void requireVisible(AnnotationDetails state) {
        String me = actor.require();
        if (state != null && !state.author().equals(me)
                && !seesColleagues(sourceOf(state.id(), state.sourceId()), me)) {
            throw WorkbenchException.notFound("There is no annotation with id " + state.id() + ".");
        }
    }

    /**
     * Values already given to an attribute, for suggestions (people recur across sources): from the
     * source's project only (never another project's), and there only the caller's own where the
     * source hides colleagues' work (blind mode); colleagues' values on the project's other blind
     * sources the caller has not submitted are left out too.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<String> suggestions(long sourceId, String attribute) {
        String me = actor.require();
        SourceSummary source = sources.summary(sourceId);
        long projectId = source.project();
        Set<String> pool = suggestionPool(projectId, attribute);
        if (!seesColleagues(source, me)) {
            Set<String> own = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            annotations.usedAttributesOf(projectId, me).forEach(values -> pool.forEach(name -> {
                if (values.containsKey(name)) {
                    own.add(values.get(name));
                }
            }));
            return own;
        }
        // Colleagues' values on other blind sources the caller has not submitted are their work too:
        // leave them out (the project-wide cache holds them, so this case reads afresh).
        List<Long> hidden = sources.list(projectId).stream().filter(SourceSummary::blind)
                .filter(s -> !seesColleagues(s, me)).map(SourceSummary::id).toList();
        if (!hidden.isEmpty()) {
            Set<String> outside = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            annotations.usedAttributesOutside(projectId, me, hidden).forEach(values -> pool.forEach(name -> {
                if (values.get(name) != null && !values.get(name).isBlank()) {
                    outside.add(values.get(name));
                }
            }));
            return outside;
        }
        if (!suggestionsLoaded.contains(projectId)) {
            annotations.usedAttributes(projectId).forEach(values -> remember(projectId, values));
            suggestionsLoaded.add(projectId);
        }
        Map<String, Set<String>> ofProject = suggestions.getOrDefault(projectId, Map.of());
        if (pool.size() == 1) {
            return Collections.unmodifiableSet(ofProject.getOrDefault(attribute, Set.of()));
        }
        Set<String> pooled = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        pool.forEach(name -> pooled.addAll(ofProject.getOrDefault(name, Set.of())));
        return Collections.unmodifiableSet(pooled);
    }

    /**
     * The attributes whose values are suggested for this one: itself, and where its type suggests
     * across attributes (a person or organisation), every attribute of that type in the scheme.
     */
    private Set<String> suggestionPool(long projectId, String attribute) {
        Set<String> pool = new TreeSet<>(Set.of(attribute));
        var labels = schemes.current(projectId).labels();
        boolean across = labels.stream().flatMap(l -> l.attributes().stream())
                .anyMatch(a -> a.name().equals(attribute) && a.attributeType().suggestsAcrossAttributes());
        if (across) {
            labels.stream().flatMap(l -> l.attributes().stream())
                    .filter(a -> a.attributeType().suggestsAcrossAttributes())
                    .forEach(a -> pool.add(a.name()));
        }
        return pool;
    }

    /** Blind mode's one rule ({@link BlindMode}); {@code me} is the signed-in person it is asked for. */
    private boolean seesColleagues(SourceSummary source, String me) {
        return blindMode.seesColleaguesWork(source);
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
        } catch (OptimisticLockingFailureException raced) {
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
        requireMayChange(annotation.toDetails(), reason);
        if (annotation.getVersion() != version) {
            throw new StaleAnnotationException(annotation.toDetails(), version);
        }
        return annotation;
    }

    /**
     * Who may change (or delete, or restore) an annotation in this state: its author, if it is their
     * live work; a supervisor anyone's, with a reason. What the caller may not see answers as if it
     * did not exist (404), so ids cannot be probed; the source must be theirs to annotate now.
     */
    private void requireMayChange(AnnotationDetails annotation, String reason) {
        long id = annotation.id();
        String me = actor.require();
        SourceSummary source = sourceOf(id, annotation.sourceId());
        if (!annotation.author().equals(me) && !seesColleagues(source, me)) {
            throw WorkbenchException.notFound("There is no annotation with id " + id + ".");
        }
        Provenance imported = annotation.imported();
        boolean supervisor = projects.holds(annotation.project(), Role.SUPERVISOR);
        if (!projects.annotates(annotation.project())) {
            throw new AccessDeniedException("Only reviewers and supervisors of this project may change its annotations.");
        }
        if (imported != null && !supervisor) {
            throw new AccessDeniedException("Annotation " + id + " was imported "
                    + "from '" + imported.importFile() + "' by " + imported.importedBy() + " on " + imported.importedAt()
                    + "; it is not " + me + "'s work in this workbench. Only a supervisor may change or delete it.");
        }
        if (!annotation.author().equals(me) || imported != null) {
            if (!supervisor) {
                throw new AccessDeniedException(
                        "Only the author or a supervisor may change this annotation.");
            }
            if (reason == null || reason.isBlank()) {
                throw WorkbenchException.badInput("Say why you change " + annotation.author()
                        + "'s annotation: a reason is required.");
            }
        }
        assignments.require(annotation.sourceId());
    }

    private Annotation load(long id) {
        return annotations.findById(id)
                .orElseThrow(() -> WorkbenchException.notFound("There is no annotation with id " + id + "."));
    }

    private CodePoints text(long sourceId) {
        return texts.computeIfAbsent(sourceId, id -> new CodePoints(sources.get(id).text()));
    }

    private void remember(long projectId, Map<String, String> attributes) {
        Map<String, Set<String>> ofProject = suggestions.computeIfAbsent(projectId, p -> new ConcurrentHashMap<>());
        attributes.forEach((name, value) -> ofProject
                .computeIfAbsent(name, n -> new ConcurrentSkipListSet<>(String.CASE_INSENSITIVE_ORDER))
                .add(value));
    }

    private LabelledSpanRules rules(long projectId) {
        return new LabelledSpanRules(schemes.current(projectId));
    }

    /** An author's name as an imported corpus gives it: present, short, printable. */
    private static String author(String author) {
        if (author == null || author.isBlank()) {
            throw WorkbenchException.badInput("The author is missing.");
        }
        String name = TextRules.line("author", author).strip();
        if (name.length() > MAX_AUTHOR || name.codePoints().anyMatch(Character::isISOControl)) {
            throw WorkbenchException.badInput("'" + name.substring(0, Math.min(name.length(), 40))
                    + "' is not a name: at most " + MAX_AUTHOR + " printable characters.");
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
