package org.corroborate.annotation.relation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corroborate.annotation.AnnotationDeleting;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.AssignmentRule;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Provenance;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relations between two annotations of one source: the only door to them. A relation's type must be
 * one of the project's scheme's relation types, and the two annotations' labels must fit its
 * {@code from} and {@code to}. A caller sees a relation when they may see both its annotations and
 * it is theirs or they may see colleagues' work on the source ({@code annotation.BlindMode}); what
 * they may not see answers as if it did not exist (404). Every write is audited
 * ({@code relation.created}, {@code relation.imported}, {@code relation.deleted}) and kept in the
 * entity history; deleting an annotation deletes its relations in the same transaction.
 */
@Service
@Transactional
public class RelationService {

    private static final int MAX_AUTHOR = 64;

    private final RelationRepository relations;
    private final AnnotationService annotations;
    private final SourceService sources;
    private final SchemeService schemes;
    private final ProjectService projects;
    private final AssignmentRule assignments;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RelationService(RelationRepository relations, AnnotationService annotations, SourceService sources,
                    SchemeService schemes, ProjectService projects, AssignmentRule assignments, CurrentActor actor,
                    ApplicationEventPublisher events, Clock clock) {
        this.relations = relations;
        this.annotations = annotations;
        this.sources = sources;
        this.schemes = schemes;
        this.projects = projects;
        this.assignments = assignments;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The relations of a source the caller may read, oldest first: those whose two annotations they
     * may see, and of those their own, or everyone's when they may see colleagues' work on the source
     * (blind mode as for annotations). 404 for a source outside the caller's projects.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RelationDetails> visible(long sourceId) {
        Set<Long> seen = new HashSet<>();
        annotations.visible(sourceId, null).forEach(a -> seen.add(a.id()));
        boolean colleagues = annotations.seesColleagues(sourceId);
        String me = actor.require();
        return relations.findBySource(sourceId).stream()
                .filter(r -> colleagues || r.getAuthor().equals(me))
                .map(Relation::toDetails)
                .filter(r -> seen.contains(r.from()) && seen.contains(r.to()))
                .toList();
    }

    /**
     * Every relation of a project the caller may read, source by source as {@link #visible} reads
     * them (the rule the annotation export follows): for exports. 404 for a non-member.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RelationDetails> ofProject(long projectId) {
        projects.requireReadable(projectId);
        List<RelationDetails> all = new ArrayList<>();
        for (SourceSummary source : sources.list(projectId)) {
            all.addAll(visible(source.id()));
        }
        return all;
    }

    /** One relation, if the caller may read it; 404 otherwise. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RelationDetails get(long id) {
        Relation relation = load(id);
        requireVisible(relation);
        return relation.toDetails();
    }

    /**
     * Makes a relation as the caller, a reviewer or supervisor of the project who may work on the
     * source now. 400 for a type the project's scheme does not have, labels that do not fit the type's
     * {@code from} and {@code to}, annotations of two different sources, or a relation of an annotation
     * to itself; 404 for an annotation the caller cannot see; 409 when the same relation (same ends,
     * same type) exists already.
     */
    @PreAuthorize(Roles.ANNOTATES)
    public RelationDetails create(RelationRequest request) {
        if (request.from() == request.to()) {
            annotations.get(request.from()); // what the caller cannot see is not there (404), related to itself or not
            throw WorkbenchException.badInput("A relation joins two different annotations; annotation "
                    + request.from() + " cannot be related to itself.");
        }
        // Rows locked in id order: the ends cannot be deleted under the new relation, and two creators never deadlock.
        boolean fromFirst = request.from() < request.to();
        AnnotationDetails first = annotations.getForWork(fromFirst ? request.from() : request.to());
        AnnotationDetails second = annotations.getForWork(fromFirst ? request.to() : request.from());
        AnnotationDetails from = fromFirst ? first : second;
        AnnotationDetails to = fromFirst ? second : first;
        if (!from.sourceId().equals(to.sourceId())) {
            throw WorkbenchException.badInput("Annotations " + from.id() + " and " + to.id()
                    + " are in two different sources; a relation joins annotations of one source.");
        }
        long projectId = from.project();
        projects.require(projectId, Roles.ANNOTATORS, "relate its annotations");
        assignments.require(from.sourceId());
        String type = checkedType(projectId, request.type(), from, to);
        if (relations.findSame(from.id(), to.id(), type).isPresent()) {
            throw WorkbenchException.conflict("Annotation " + from.id() + " is already related to annotation "
                    + to.id() + " as '" + type + "'.");
        }
        Relation relation = new Relation(projectId, from.sourceId(), from.id(), to.id(), type, actor.require(),
                clock.instant(), null);
        RelationDetails made;
        try {
            made = relations.saveAndFlush(relation).toDetails();
        } catch (DataIntegrityViolationException raced) {
            throw WorkbenchException.conflict("Someone made the same relation, or deleted one of its annotations, at "
                    + "the same moment; nothing was saved. Reload and try again.");
        }
        events.publishEvent(Change.created("relation.created", "Relation", made.id(), made.source(), made));
        events.publishEvent(new RelationChanged(made.source(), made.id(), false, actor.require()));
        return made;
    }

    /**
     * Deletes a relation; its last state stays in the audit trail and its history. Its author may delete
     * it; a supervisor of the project anyone's, with a reason; only a supervisor an imported one. 404
     * when the caller cannot see it, 409 when {@code version} is not the one it has.
     */
    @PreAuthorize(Roles.ANNOTATES)
    public void delete(long id, long version, String reason) {
        ChangeReason.record(reason);
        Relation relation = load(id);
        requireVisible(relation);
        RelationDetails before = relation.toDetails();
        requireMayDelete(relation, reason);
        if (relation.getVersion() != version) {
            throw WorkbenchException.conflict("Relation " + id + " is at version " + relation.getVersion()
                    + ", not " + version + "; reload it and try again.");
        }
        try {
            relations.delete(relation);
            relations.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw WorkbenchException.conflict("Relation " + id + " was deleted by someone else at the same moment.");
        }
        events.publishEvent(Change.updated("relation.deleted", "Relation", id, before.source(), before, null,
                blankToNull(reason)));
        events.publishEvent(new RelationChanged(before.source(), id, true, actor.require()));
    }

    /**
     * Adds a relation from an imported corpus between two annotations of {@code sourceId} (already
     * imported), as its author made it, marked as imported by the caller now from {@code file}, and
     * audited as {@code relation.imported} with {@code origin} as the reason. Only the project's
     * supervisors and administrators import. The same relation again (same ends and type) is
     * unchanged: the one there is returned and nothing is written. 400 as for {@link #create}, and for
     * an annotation of another source.
     */
    @PreAuthorize(Roles.OVERSEES)
    public RelationDetails importRelation(long sourceId, ImportedRelation imported, String file, String origin) {
        ChangeReason.record(origin);
        long projectId = sources.summary(sourceId).project();
        projects.requireOverseer(projectId, "import relations");
        if (imported.from() == imported.to()) {
            throw WorkbenchException.badInput("A relation joins two different annotations; annotation "
                    + imported.from() + " cannot be related to itself.");
        }
        AnnotationDetails from = annotations.get(imported.from());
        AnnotationDetails to = annotations.get(imported.to());
        if (from.sourceId() != sourceId || to.sourceId() != sourceId) {
            throw WorkbenchException.badInput("A relation of source " + sourceId + " joins two of its annotations; "
                    + "annotation " + (from.sourceId() != sourceId ? from.id() : to.id()) + " is not one of them.");
        }
        String type = checkedType(projectId, imported.type(), from, to);
        var same = relations.findSame(from.id(), to.id(), type);
        if (same.isPresent()) {
            return same.get().toDetails();
        }
        Instant now = clock.instant();
        Relation relation = new Relation(projectId, sourceId, from.id(), to.id(), type, author(imported.author()), now,
                new Provenance(actor.require(), now, Provenance.fileName(file)));
        RelationDetails made = relations.saveAndFlush(relation).toDetails();
        events.publishEvent(new Change("relation.imported", "Relation", String.valueOf(made.id()), sourceId, null,
                new ImportedView(made, relation.provenance()), origin));
        events.publishEvent(new RelationChanged(sourceId, made.id(), false, actor.require()));
        return made;
    }

    /** An imported relation as the audit trail records it: the relation and where it came from. */
    record ImportedView(RelationDetails relation, Provenance imported) {}

    /**
     * An annotation is being deleted: its relations go with it, in its transaction, each audited as
     * {@code relation.deleted}. A colleague's relation is recorded as the workbench's own doing (the
     * reason names who deleted the annotation), so it does not reach the deleter's own events while
     * the source is blind. Restoring the annotation does not bring them back (they are in the audit
     * trail and the history).
     */
    @EventListener
    void annotationDeleting(AnnotationDeleting deleting) {
        String me = actor.require();
        for (Relation relation : relations.findTouching(deleting.annotationId())) {
            RelationDetails before = relation.toDetails();
            relations.delete(relation);
            Change removed = Change.updated("relation.deleted", "Relation", before.id(), before.source(), before,
                    null, "Annotation " + deleting.annotationId() + " was deleted by " + me
                            + "; its relations went with it.");
            if (before.author().equals(me)) {
                events.publishEvent(removed);
            } else {
                actor.runAs("system", Role.ADMIN, () -> {
                    events.publishEvent(removed);
                    return null;
                });
            }
            events.publishEvent(new RelationChanged(before.source(), before.id(), true, me));
        }
        relations.flush();
    }

    /** The relation type's name if the scheme has it and the two annotations' labels fit it; 400 otherwise. */
    private String checkedType(long projectId, String type, AnnotationDetails from, AnnotationDetails to) {
        if (type == null || type.isBlank()) {
            throw WorkbenchException.badInput("'type' is required: the name of one of the scheme's relation types.");
        }
        LabelScheme scheme = schemes.current(projectId);
        LabelScheme.RelationType relationType = scheme.relation(type.strip()).orElseThrow(() ->
                WorkbenchException.badInput("The project's scheme has no relation type '" + type.strip() + "'"
                        + (scheme.relations().isEmpty() ? "; it declares none (a supervisor adds them in the scheme "
                        + "editor)." : "; it has " + String.join(", ", scheme.relations().stream()
                        .map(LabelScheme.RelationType::name).toList()) + ".")));
        if (!relationType.fits(from.label(), to.label())) {
            throw WorkbenchException.badInput("A '" + relationType.name() + "' relation goes from "
                    + String.join(" or ", relationType.from()) + " to " + String.join(" or ", relationType.to())
                    + "; annotation " + from.id() + " is " + from.label() + " and annotation " + to.id() + " is "
                    + to.label() + ".");
        }
        return relationType.name();
    }

    private void requireVisible(Relation relation) {
        RelationDetails details = relation.toDetails();
        String me = actor.require();
        try {
            if (!details.author().equals(me) && !annotations.seesColleagues(details.source())) {
                throw WorkbenchException.notFound("There is no relation with id " + details.id() + ".");
            }
            annotations.get(details.from());
            annotations.get(details.to());
        } catch (WorkbenchException e) {
            if (e.kind() == WorkbenchException.Kind.NOT_FOUND) {
                throw WorkbenchException.notFound("There is no relation with id " + details.id() + ".");
            }
            throw e;
        }
    }

    private void requireMayDelete(Relation relation, String reason) {
        RelationDetails details = relation.toDetails();
        if (!projects.annotates(details.project())) {
            throw new AccessDeniedException("Only reviewers and supervisors of this project may change its relations.");
        }
        boolean supervisor = projects.holds(details.project(), Role.SUPERVISOR);
        boolean own = details.author().equals(actor.require()) && relation.provenance() == null;
        if (!own) {
            if (!supervisor) {
                throw new AccessDeniedException(relation.provenance() != null
                        ? "Relation " + details.id() + " was imported; only a supervisor may delete it."
                        : "Only the author or a supervisor may delete this relation.");
            }
            if (reason == null || reason.isBlank()) {
                throw WorkbenchException.badInput("Say why you delete " + details.author()
                        + "'s relation: a reason is required.");
            }
        }
        assignments.require(details.source());
    }

    private Relation load(long id) {
        return relations.findById(id)
                .orElseThrow(() -> WorkbenchException.notFound("There is no relation with id " + id + "."));
    }

    /** An author's name as an imported corpus gives it: present, short, printable. */
    private static String author(String author) {
        if (author == null || author.isBlank()) {
            throw WorkbenchException.badInput("The relation's author is missing.");
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
