package org.corroborate.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDeleting;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Provenance;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims: the only door to them. A claim is one statement that several sources make; its members
 * are annotations of the claim's project, each with a {@link Stance}. Who may do what:
 * <ul>
 * <li>every reader of the project reads its claims (for anyone else a claim answers 404, as an id
 *     nothing has); a member shows only where the reader may see its annotation ({@link ClaimReading});</li>
 * <li>reviewers and supervisors of the project (and administrators) make claims and add members;
 *     a member must be an annotation of the claim's project that the caller may see (else 404);</li>
 * <li>a claim's creator or an overseer (supervisor, administrator) renames it; its creator deletes it
 *     while every member is theirs, an overseer always;</li>
 * <li>who added a member, or an overseer, changes its stance or removes it;</li>
 * <li>overseers decide on members (accept or reject, with a reason): accepted ones are the gold layer.</li>
 * </ul>
 * Every write is audited ({@code claim.*} actions, through {@link Change}) and announced to open
 * views ({@link ClaimChanged}, {@link ClaimUpdates}). The claim's version counts every change of it,
 * its members' included; rename and delete take the version the caller saw (409 when stale).
 */
@Service
@Transactional
public class ClaimService {

    /** The longest statement, in characters (the column's size). */
    public static final int MAX_STATEMENT = 2000;
    private static final int MAX_REASON = 2000;
    private static final int MAX_NAME = 64;

    private final ClaimRepository claims;
    private final ClaimMemberRepository members;
    private final ClaimReading reading;
    private final AnnotationService annotations;
    private final ProjectService projects;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClaimService(ClaimRepository claims, ClaimMemberRepository members, ClaimReading reading,
                 AnnotationService annotations, ProjectService projects, CurrentActor actor,
                 ApplicationEventPublisher events, Clock clock) {
        this.claims = claims;
        this.members = members;
        this.reading = reading;
        this.annotations = annotations;
        this.projects = projects;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The project's claims in one line each, the most recently changed first; 404 for a non-member. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ClaimSummary> list(long projectId) {
        projects.requireReadable(projectId);
        List<Claim> found = claims.findByProjectIdOrderByModifiedAtDescIdDesc(projectId);
        ClaimReading.View view = reading.view(members.findByProjectIdOrderByIdAsc(projectId));
        return found.stream().map(c -> reading.summary(c, view.of(c.getId()))).toList();
    }

    /** One claim in full, as the caller may see it; 404 when there is none or it is not the caller's to read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ClaimDetails get(long id) {
        Claim claim = load(id);
        return details(claim);
    }

    /** Every claim of the project in full, with drift (for exports and the board); 404 for a non-member. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ClaimDetails> all(long projectId) {
        projects.requireReadable(projectId);
        List<Claim> found = claims.findByProjectIdOrderByModifiedAtDescIdDesc(projectId);
        ClaimReading.View view = reading.view(members.findByProjectIdOrderByIdAsc(projectId));
        return found.stream().map(c -> reading.details(c, view.of(c.getId()))).toList();
    }

    /**
     * The gold layer of claims: each claim with its ACCEPTED members only, claims with none left out.
     * A reader sees an accepted member only where they may see its annotation and the supervisors'
     * decisions on its source (blind mode hides both until they submit).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ClaimDetails> gold(long projectId) {
        projects.requireReadable(projectId);
        List<Claim> found = claims.findByProjectIdOrderByModifiedAtDescIdDesc(projectId);
        ClaimReading.View view = reading.view(members.findByProjectIdOrderByIdAsc(projectId));
        List<ClaimDetails> gold = new ArrayList<>();
        for (Claim claim : found) {
            List<MemberDetails> accepted = view.of(claim.getId()).stream()
                    .filter(m -> m.decision() != null && m.decision().outcome() == MemberOutcome.ACCEPTED).toList();
            if (!accepted.isEmpty()) {
                gold.add(reading.details(claim, accepted));
            }
        }
        return gold;
    }

    /** The claims an annotation is in (404 when the caller may not see the annotation). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ClaimSummary> claimsOf(long annotationId) {
        annotations.get(annotationId);
        Set<Long> ids = members.findByAnnotationIdOrderByIdAsc(annotationId).stream().map(ClaimMember::getClaimId)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return List.of();
        }
        ClaimReading.View view = reading.view(members.findByClaimIdInOrderByIdAsc(ids));
        return claims.findAllById(ids).stream()
                .sorted(java.util.Comparator.comparing(Claim::getModifiedAt).reversed().thenComparing(Claim::getId))
                .map(c -> reading.summary(c, view.of(c.getId()))).toList();
    }

    /**
     * Every membership of the project, blind sources included, as agreement on claims reads it:
     * the project's overseers only (404 for a non-member, 403 for a reviewer).
     */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public List<ClaimMembership> memberships(long projectId) {
        projects.requireOverseer(projectId, "read every reviewer's claim memberships");
        return members.findByProjectIdOrderByIdAsc(projectId).stream()
                .map(m -> new ClaimMembership(m.getClaimId(), m.getAnnotationId(), m.getSourceId(), m.getStance(),
                        m.getAddedBy())).toList();
    }

    // ---- claims ------------------------------------------------------------------------------

    /**
     * Makes a claim in the project with the caller as its creator. 400 for a blank or over-long
     * statement; 404 for a non-member; 403 for a member who neither reviews nor supervises.
     */
    @PreAuthorize("isAuthenticated()")
    public ClaimDetails create(long projectId, String statement) {
        requireAnnotator(projectId, "make claims");
        Claim claim = claims.saveAndFlush(new Claim(projectId, statement(statement), actor.require(),
                clock.instant()));
        audit(Change.created("claim.created", "Claim", claim.getId(), null, state(claim)), claim);
        return details(claim);
    }

    /** Gives the claim a new statement; its creator or an overseer; 409 when {@code version} is stale. */
    @PreAuthorize("isAuthenticated()")
    public ClaimDetails rename(long id, String statement, long version) {
        String wording = statement(statement);
        Claim claim = load(id);
        if (!claim.getCreatedBy().equals(actor.require()) && !projects.oversees(claim.getProjectId())) {
            requireAnnotator(claim.getProjectId(), "change claims");
            throw new AccessDeniedException("Only the claim's creator (" + claim.getCreatedBy()
                    + ") or a supervisor may change its statement.");
        }
        requireVersion(claim, version);
        if (claim.getStatement().equals(wording)) {
            return details(claim);
        }
        ClaimState before = state(claim);
        claim.rename(wording, clock.instant());
        saveChecked(claim, version);
        audit(Change.updated("claim.renamed", "Claim", id, null, before, state(claim), null), claim);
        return details(claim);
    }

    /**
     * Deletes the claim and its memberships (all recorded in the audit trail with the claim's last
     * state). Its creator while every member is theirs; else an overseer. 409 when stale.
     */
    @PreAuthorize("isAuthenticated()")
    public void delete(long id, long version) {
        Claim claim = load(id);
        String me = actor.require();
        List<ClaimMember> held = members.findByClaimIdOrderByIdAsc(id);
        if (!projects.oversees(claim.getProjectId())) {
            requireAnnotator(claim.getProjectId(), "delete claims");
            if (!claim.getCreatedBy().equals(me)) {
                throw new AccessDeniedException("Only the claim's creator (" + claim.getCreatedBy()
                        + ") or a supervisor may delete it.");
            }
            if (held.stream().anyMatch(m -> !m.getAddedBy().equals(me))) {
                throw new AccessDeniedException("Colleagues have added members to this claim: only a supervisor "
                        + "may delete it now.");
            }
        }
        requireVersion(claim, version);
        ClaimState before = state(claim);
        List<ClaimMember.Audited> gone = held.stream().map(ClaimMember::audited).toList();
        members.deleteAll(held);
        members.flush();
        claims.delete(claim);
        try {
            claims.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw stale(id, version);
        }
        audit(Change.updated("claim.deleted", "Claim", id, null, new DeletedClaim(before, gone), null, null), claim);
    }

    // ---- members -----------------------------------------------------------------------------

    /**
     * Puts an annotation into the claim with a stance, as the caller. 400 without a stance; 404 when
     * the annotation is not one the caller may see in the claim's project; 409 when it is a member already.
     */
    @PreAuthorize("isAuthenticated()")
    public ClaimDetails addMember(long claimId, long annotationId, Stance stance) {
        requireStance(stance);
        Claim claim = loadLocked(claimId);
        requireAnnotator(claim.getProjectId(), "add members to claims");
        AnnotationDetails annotation = annotationIn(claim, annotationId);
        if (members.existsByClaimIdAndAnnotationId(claimId, annotationId)) {
            throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE, "Annotation " + annotationId
                    + " is in claim " + claimId + " already; change its stance instead.");
        }
        ClaimMember member;
        try {
            member = members.saveAndFlush(new ClaimMember(claimId, annotationId, annotation.sourceId(),
                    claim.getProjectId(), stance, actor.require(), clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE, "Annotation " + annotationId
                    + " was put into claim " + claimId + " by someone else at the same moment.");
        }
        memberChanged(claim, Change.created("claim.member.added", "ClaimMember", member.getId(),
                member.getSourceId(), member.audited()));
        return details(claim);
    }

    /** Changes a member's stance: who added it, or an overseer. 404 for a member the caller may not see. */
    @PreAuthorize("isAuthenticated()")
    public ClaimDetails changeStance(long claimId, long annotationId, Stance stance) {
        requireStance(stance);
        Claim claim = loadLocked(claimId);
        ClaimMember member = memberForChange(claim, annotationId, "change its stance");
        if (member.getStance() != stance) {
            ClaimMember.Audited before = member.audited();
            member.stance(stance);
            members.saveAndFlush(member);
            memberChanged(claim, Change.updated("claim.member.changed", "ClaimMember", member.getId(),
                    member.getSourceId(), before, member.audited(), null));
        }
        return details(claim);
    }

    /** Takes an annotation out of the claim: who added it, or an overseer. */
    @PreAuthorize("isAuthenticated()")
    public ClaimDetails removeMember(long claimId, long annotationId) {
        Claim claim = loadLocked(claimId);
        ClaimMember member = memberForChange(claim, annotationId, "remove it");
        ClaimMember.Audited before = member.audited();
        members.delete(member);
        members.flush();
        memberChanged(claim, Change.updated("claim.member.removed", "ClaimMember", member.getId(),
                member.getSourceId(), before, null, null));
        return details(claim);
    }

    /**
     * An overseer's decision on a member: ACCEPTED (into the gold layer of claims) or REJECTED, with a
     * reason (400 without). Deciding again replaces the decision. 404 for a non-member or no such
     * member, 403 for a reviewer.
     */
    @PreAuthorize("isAuthenticated()")
    public ClaimDetails decide(long claimId, long annotationId, MemberOutcome outcome, String reason) {
        if (outcome == null) {
            throw WorkbenchException.badInput("'outcome' is required: ACCEPTED or REJECTED.");
        }
        String why = reason(reason);
        Claim claim = loadLocked(claimId);
        projects.requireOverseer(claim.getProjectId(), "decide on claim members");
        ClaimMember member = members.findByClaimIdAndAnnotationId(claimId, annotationId)
                .orElseThrow(() -> noMember(claimId, annotationId));
        ClaimMember.Audited before = member.audited();
        member.decide(new MemberDecision(outcome, why, actor.require(), clock.instant()));
        members.saveAndFlush(member);
        memberChanged(claim, Change.updated("claim.member.decided", "ClaimMember", member.getId(),
                member.getSourceId(), before, member.audited(), why));
        return details(claim);
    }

    /**
     * Takes a claim from an exchange file into the project, as its creator made it, marked as imported
     * by the caller, now, from {@code file} (overseers only). Its members must be annotations of the
     * project (404 otherwise); a decision must carry its reason. A claim with the same statement and
     * the same member annotations is there already: it is returned unchanged, nothing is written.
     * Audited as {@code claim.imported}, with its members.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ClaimDetails importClaim(long projectId, ImportedClaim imported, String file, String origin) {
        projects.requireOverseer(projectId, "import claims");
        String wording = statement(imported.statement());
        String creator = name("createdBy", imported.createdBy());
        Map<Long, AnnotationDetails> found = new java.util.LinkedHashMap<>();
        for (ImportedMember m : imported.members()) {
            requireStance(m.stance());
            name("addedBy", m.addedBy());
            if (m.decision() != null) {
                reason(m.decision().reason());
                name("decidedBy", m.decision().decidedBy());
                if (m.decision().outcome() == null) {
                    throw WorkbenchException.badInput("A decision on annotation " + m.annotation()
                            + " has no outcome: ACCEPTED or REJECTED.");
                }
            }
            AnnotationDetails annotation = annotations.get(m.annotation());
            if (annotation.project() != projectId) {
                throw WorkbenchException.notFound("There is no annotation with id " + m.annotation()
                        + " in project " + projectId + ".");
            }
            if (found.put(m.annotation(), annotation) != null) {
                throw WorkbenchException.badInput("Annotation " + m.annotation() + " is in the claim twice.");
            }
        }
        for (Claim same : claims.findByProjectIdOrderByModifiedAtDescIdDesc(projectId)) {
            if (same.getStatement().equals(wording) && members.findByClaimIdOrderByIdAsc(same.getId()).stream()
                    .map(ClaimMember::getAnnotationId).collect(Collectors.toSet()).equals(found.keySet())) {
                return details(same);
            }
        }
        Instant now = clock.instant();
        Claim claim = new Claim(projectId, wording, creator, now);
        claim.imported(new Provenance(actor.require(), now, Provenance.fileName(file)));
        claims.saveAndFlush(claim);
        List<ClaimMember.Audited> added = new ArrayList<>();
        for (ImportedMember m : imported.members()) {
            ClaimMember member = new ClaimMember(claim.getId(), m.annotation(), found.get(m.annotation()).sourceId(),
                    projectId, m.stance(), m.addedBy().strip(), now);
            member.decide(m.decision() == null ? null : new MemberDecision(m.decision().outcome(),
                    m.decision().reason().strip(), m.decision().decidedBy().strip(),
                    m.decision().decidedAt() == null ? now : m.decision().decidedAt()));
            added.add(members.save(member).audited());
        }
        members.flush();
        audit(new Change("claim.imported", "Claim", String.valueOf(claim.getId()), null, null,
                new DeletedClaim(state(claim), added), blankToNull(origin)), claim);
        return details(claim);
    }

    /**
     * Removes the memberships of an annotation that is being deleted, each audited
     * ({@code claim.member.removed}) in the deleting transaction. Recorded as the workbench's doing
     * when a colleague added the membership (so its state does not reach the deleter through the
     * events they are the actor of), with a reason naming who deleted the annotation.
     */
    @EventListener
    public void annotationDeleting(AnnotationDeleting deleting) {
        List<ClaimMember> held = members.findByAnnotationIdOrderByIdAsc(deleting.annotationId());
        if (held.isEmpty()) {
            return;
        }
        String me = actor.require();
        Map<Long, Claim> touched = claims.findAllById(held.stream().map(ClaimMember::getClaimId).toList())
                .stream().collect(Collectors.toMap(Claim::getId, Function.identity()));
        for (ClaimMember member : held) {
            ClaimMember.Audited before = member.audited();
            members.delete(member);
            Change removed = new Change("claim.member.removed", "ClaimMember", String.valueOf(member.getId()),
                    member.getSourceId(), before, null, "Annotation " + deleting.annotationId()
                    + " was deleted by " + me + "; its claim memberships went with it.", member.getProjectId());
            if (member.getAddedBy().equals(me)) {
                events.publishEvent(removed);
            } else {
                actor.runAs("system", Role.ADMIN, () -> {
                    events.publishEvent(removed);
                    return null;
                });
            }
        }
        members.flush();
        Instant now = clock.instant();
        touched.values().forEach(c -> {
            c.touched(now);
            events.publishEvent(new ClaimChanged(c.getId(), c.getProjectId()));
        });
        claims.flush();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private ClaimDetails details(Claim claim) {
        return reading.details(claim, reading.view(members.findByClaimIdOrderByIdAsc(claim.getId()))
                .of(claim.getId()));
    }

    /** A claim the caller may read, else 404 (the same for a non-member as for an id nothing has). */
    private Claim load(long id) {
        Claim claim = claims.findById(id).orElseThrow(() -> noClaim(id));
        if (!projects.mayRead(claim.getProjectId())) {
            throw noClaim(id);
        }
        return claim;
    }

    /** As {@link #load}, the claim's row locked: changes to one claim's members take turns. */
    private Claim loadLocked(long id) {
        load(id);
        return claims.findLocked(id).orElseThrow(() -> noClaim(id));
    }

    /**
     * The member, for a change by the caller: it must be one they may see (else 404, as for none), and
     * theirs, unless they oversee the project (else 403).
     */
    private ClaimMember memberForChange(Claim claim, long annotationId, String toDoWhat) {
        ClaimMember member = members.findByClaimIdAndAnnotationId(claim.getId(), annotationId)
                .orElseThrow(() -> noMember(claim.getId(), annotationId));
        try {
            annotations.get(annotationId);
        } catch (WorkbenchException e) {
            if (e.kind() == WorkbenchException.Kind.NOT_FOUND) {
                throw noMember(claim.getId(), annotationId);
            }
            throw e;
        }
        requireAnnotator(claim.getProjectId(), "change claim members");
        if (!member.getAddedBy().equals(actor.require()) && !projects.oversees(claim.getProjectId())) {
            throw new AccessDeniedException("Only who added this member (" + member.getAddedBy()
                    + ") or a supervisor may " + toDoWhat + ".");
        }
        return member;
    }

    /** An annotation the caller may see, in the claim's project; 404 otherwise. */
    private AnnotationDetails annotationIn(Claim claim, long annotationId) {
        AnnotationDetails annotation = annotations.get(annotationId);
        if (annotation.project() == null || annotation.project() != claim.getProjectId()) {
            throw WorkbenchException.notFound("There is no annotation with id " + annotationId + " in project "
                    + claim.getProjectId() + ".");
        }
        return annotation;
    }

    /** 404 for a non-member; 403 for a member who neither reviews nor supervises (administrators may). */
    private void requireAnnotator(long projectId, String toDoWhat) {
        projects.requireReadable(projectId);
        if (!projects.annotates(projectId) && !projects.holds(projectId, Role.ADMIN)) {
            throw new AccessDeniedException("Only reviewers and supervisors of this project may " + toDoWhat + ".");
        }
    }

    private void requireVersion(Claim claim, long version) {
        if (claim.getVersion() != version) {
            throw stale(claim.getId(), version);
        }
    }

    private WorkbenchException stale(long id, long version) {
        Claim now = claims.findById(id).orElse(null);
        return WorkbenchException.conflict("Claim " + id + " was changed by someone else (you had version " + version
                + (now == null ? ", and it is gone now" : ", it is at version " + now.getVersion() + " now")
                + "). Nothing was saved; reload it and try again.");
    }

    private void saveChecked(Claim claim, long seenVersion) {
        try {
            claims.saveAndFlush(claim);
        } catch (OptimisticLockingFailureException raced) {
            throw stale(claim.getId(), seenVersion);
        }
    }

    /** A member changed: the claim is changed too (newer, one version more); audited and announced. */
    private void memberChanged(Claim claim, Change change) {
        claim.touched(clock.instant());
        claims.saveAndFlush(claim);
        audit(change, claim);
    }

    private void audit(Change change, Claim claim) {
        events.publishEvent(change.inProject(claim.getProjectId()));
        events.publishEvent(new ClaimChanged(claim.getId(), claim.getProjectId()));
    }

    private static ClaimState state(Claim claim) {
        return new ClaimState(claim.getId(), claim.getProjectId(), claim.getStatement(), claim.getCreatedBy(),
                claim.getCreatedAt(), claim.getModifiedAt(), claim.getImported(), claim.getVersion());
    }

    /** A claim's own state as the audit trail keeps it. */
    record ClaimState(Long id, long project, String statement, String createdBy, Instant createdAt,
                      Instant modifiedAt, Provenance imported, long version) {}

    /** A deleted (or imported) claim as the audit trail keeps it: its state and its members. */
    record DeletedClaim(ClaimState claim, List<ClaimMember.Audited> members) {}

    private static String statement(String statement) {
        if (statement == null || statement.isBlank()) {
            throw WorkbenchException.badInput("'statement' is required: what the sources claim, in a sentence.");
        }
        String wording = TextRules.check("statement", statement).strip();
        if (wording.length() > MAX_STATEMENT) {
            throw WorkbenchException.badInput("'statement' is " + wording.length() + " characters long; at most "
                    + MAX_STATEMENT + ".");
        }
        return wording;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw WorkbenchException.badInput("'reason' is required: say why you accept or reject this member.");
        }
        String why = TextRules.check("reason", reason).strip();
        if (why.length() > MAX_REASON) {
            throw WorkbenchException.badInput("'reason' is " + why.length() + " characters long; at most "
                    + MAX_REASON + ".");
        }
        return why;
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw WorkbenchException.badInput("'" + field + "' is required.");
        }
        String name = TextRules.line(field, value).strip();
        if (name.length() > MAX_NAME) {
            throw WorkbenchException.badInput("'" + field + "' is longer than " + MAX_NAME + " characters.");
        }
        return name;
    }

    private static void requireStance(Stance stance) {
        if (stance == null) {
            throw WorkbenchException.badInput("'stance' is required: SUPPORTS, CONTRADICTS or QUALIFIES.");
        }
    }

    private static WorkbenchException noClaim(long id) {
        return WorkbenchException.notFound("There is no claim with id " + id + ".");
    }

    private static WorkbenchException noMember(long claimId, long annotationId) {
        return WorkbenchException.notFound("Annotation " + annotationId + " is not a member of claim " + claimId
                + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
