package org.corroborate.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.ProjectAccess;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.corroborate.base.SpreadsheetSafe.cell;

/**
 * The audit trail for people: administrators search all of it; a project's supervisors the events
 * of that project; reviewers their own events in their projects ({@link AuditScope}). Overseers
 * verify the chain and export what they may read. The server enforces it: an event outside the
 * caller's scope does not exist for them (404 for a timeline).
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    static final int MAX_PAGE = 500;

    private final AuditEventRepository events;
    private final AuditSearch search;
    private final AuditVerifier verifier;
    private final CurrentActor actor;
    private final JsonMapper json;
    private final AppendOnlyGuard guard;
    private final List<TimelineAccess> timelineAccess;
    private final ProjectAccess projects;
    private final AuditCheckpoints checkpoints;
    private final ReadOnlyGate gate;

    AuditService(AuditEventRepository events, AuditSearch search, AuditVerifier verifier, CurrentActor actor,
                 JsonMapper json, AppendOnlyGuard guard, List<TimelineAccess> timelineAccess, ProjectAccess projects,
                 AuditCheckpoints checkpoints, ReadOnlyGate gate) {
        this.projects = projects;
        this.checkpoints = checkpoints;
        this.gate = gate;
        this.guard = guard;
        this.timelineAccess = timelineAccess;
        this.events = events;
        this.search = search;
        this.verifier = verifier;
        this.actor = actor;
        this.json = json;
    }

    /**
     * A page of events, newest first; a reviewer's search is limited to their own actions. At most
     * one more than {@value #MAX_PAGE} events come back, so that a caller asking for a full page and
     * one more can tell whether there are more.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEventView> search(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw WorkbenchException.badInput("The offset must be 0 or more and the limit at least 1.");
        }
        AuditScope scope = scope();
        return search.find(checked(filter, scope), scope, offset, Math.min(limit, MAX_PAGE + 1)).stream()
                .map(this::view).toList();
    }

    /**
     * Everything recorded about one entity, oldest first: its timeline. Administrators read any; a
     * project's supervisors those of its entities; a reviewer only timelines of entity types a
     * feature opens to them ({@link TimelineAccess}), and of those only entities that feature lets
     * them see. A reviewer asking for another type is refused (403) whatever the id; an entity the
     * caller may not see answers 404 as if it did not exist, so ids cannot be probed.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEventView> timeline(String entityType, String entityId) {
        List<AuditEvent> all = events.findByEntityTypeAndEntityIdOrderByIdAsc(entityType, entityId);
        AuditScope scope = scope();
        if (scope.everything()) {
            return all.stream().map(this::view).toList();
        }
        var access = timelineAccess.stream().filter(a -> a.entityTypes().contains(entityType)).findFirst();
        if (access.isEmpty() && !scope.readsOthers()) {
            throw new AccessDeniedException("Reviewers may read the history of annotations, verdicts and their own "
                    + "review status only.");
        }
        if (access.isPresent() && access.get().mayRead(entityType, entityId)) {
            return all.stream().map(this::view).toList();
        }
        List<AuditEventView> admitted = scope.readsOthers()
                ? all.stream().filter(scope::admits).map(this::view).toList() : List.of();
        if (admitted.isEmpty()) {
            throw WorkbenchException.notFound("There is no " + entityType + " " + entityId
                    + " whose history you may read.");
        }
        return admitted;
    }

    /**
     * The chain's last link as this transaction sees it: its number and hash. Whoever keeps it can
     * later show that every event up to it is unchanged; exports carry it in their manifest.
     */
    @PreAuthorize("isAuthenticated()")
    public ChainHead head() {
        return events.findFirstByOrderBySeqDesc().map(e -> new ChainHead(e.getSeq(), e.getHash()))
                .orElse(new ChainHead(0, AuditChain.GENESIS));
    }

    /** The last link of the audit chain. */
    public record ChainHead(long seq, String hash) {}

    /**
     * Re-walks the whole chain and says whether it is intact, or where it first breaks; warns when
     * the database no longer guards the log as append-only.
     */
    @PreAuthorize(Roles.OVERSEES)
    public AuditVerification verify() {
        AuditVerification verification = verifier.verify();
        AuditCheckpoints.Findings signed = checkpoints.check();
        for (String problem : signed.problems()) {
            verification = verification.withProblem(signed.firstSeq(), problem);
        }
        List<String> warnings = new ArrayList<>();
        List<String> unguarded = guard.allProblems();
        if (!unguarded.isEmpty()) {
            warnings.add(AppendOnlyGuard.MISSING + ": " + String.join("; ", unguarded) + ".");
        }
        warnings.addAll(signed.warnings());
        return warnings.isEmpty() ? verification : verification.withWarnings(warnings);
    }

    /**
     * What the database no longer guards of the append-only log, and what the workbench's own database
     * role could do to it; empty when all is in place.
     */
    @PreAuthorize(Roles.OVERSEES)
    public List<String> guardProblems() {
        return guard.allProblems();
    }

    /** Why the workbench refuses every change, when it does (the audit guard is missing); empty otherwise. */
    public Optional<String> readOnlyReason() {
        return gate.readOnlyReason();
    }

    /**
     * The signed checkpoints of the chain's head, newest first (at most {@code limit}), with the public key
     * that verifies them and its id (null when no signing key is configured).
     */
    @PreAuthorize(Roles.OVERSEES)
    public Checkpoints checkpoints(int limit) {
        return new Checkpoints(checkpoints.keyId().orElse(null), checkpoints.publicKeyPem().orElse(null),
                checkpoints.list(limit));
    }

    /** Signed checkpoints and the key that signs new ones. */
    public record Checkpoints(String keyId, String publicKey, List<AuditCheckpoint> checkpoints) {}

    /** The actors of the events the caller may read. */
    @PreAuthorize(Roles.OVERSEES)
    public List<String> actors() {
        return search.distinct("actor", scope());
    }

    /** The actions of the events the caller may read (for a reviewer, their own history). */
    @PreAuthorize("isAuthenticated()")
    public List<String> actions() {
        return search.distinct("action", scope());
    }

    /** The kinds of entity of the events the caller may read (for a reviewer, their own history). */
    @PreAuthorize("isAuthenticated()")
    public List<String> entityTypes() {
        return search.distinct("entityType", scope());
    }

    /**
     * Whether the caller reads colleagues' events: an administrator, or a supervisor of some project.
     * Everyone else reads their own history only.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean readsOthers() {
        return scope().readsOthers();
    }

    /**
     * Checks now that the caller may read what the filter asks for, and returns the writer of every
     * matching event as CSV or JSON Lines, page by page, newest first, to run while the download streams.
     */
    @PreAuthorize("isAuthenticated()")
    public Consumer<OutputStream> export(AuditFilter filter, AuditFileFormat format) {
        AuditScope scope = scope();
        AuditFilter scoped = checked(filter, scope);
        return out -> write(scoped, scope, format, out);
    }

    private void write(AuditFilter scoped, AuditScope scope, AuditFileFormat format, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = format == AuditFileFormat.CSV ? CSVFormat.RFC4180.builder().setHeader("seq", "occurred_at",
                    "actor", "action", "entity_type", "entity_id", "source_id", "reason", "origin", "before", "after",
                    "prev_hash", "hash", "project_id").get().print(writer) : null;
            Long below = null;
            List<AuditEvent> page;
            do {
                // Page by sequence number, not by offset: each page costs the same however deep it lies.
                page = search.find(scoped, scope, below, 0, 1000);
                for (AuditEvent event : page) {
                    if (csv != null) {
                        csv.printRecord(event.getSeq(), event.getOccurredAt(), cell(event.getActor()),
                                cell(event.getAction()), cell(event.getEntityType()), cell(event.getEntityId()),
                                event.getSourceId(), cell(event.getReason()), cell(event.getOrigin()),
                                cell(event.getBeforeState()), cell(event.getAfterState()), event.getPrevHash(),
                                event.getHash(), event.getProjectId());
                    } else {
                        writer.write(json.writeValueAsString(view(event)));
                        writer.write('\n');
                    }
                }
                if (!page.isEmpty()) {
                    below = page.getLast().getSeq();
                }
                writer.flush();
            } while (page.size() == 1000);
            if (csv != null) {
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two export formats of the audit log. */
    public enum AuditFileFormat { CSV, JSONL }

    /** A reviewer (who oversees no project) reads only their own history: asking for another's is refused. */
    private static AuditFilter checked(AuditFilter filter, AuditScope scope) {
        if (scope.readsOthers()) {
            return filter;
        }
        if (filter.actor() != null && !filter.actor().isBlank() && !filter.actor().strip().equals(scope.me())) {
            throw new AccessDeniedException("Reviewers may read only their own history.");
        }
        return filter.withActor(scope.me());
    }

    /** What the signed-in person may read of the log, from the projects they read and oversee. */
    private AuditScope scope() {
        if (actor.has(Role.ADMIN)) {
            return AuditScope.all();
        }
        return AuditScope.of(actor.require(), projects.readableProjects(), projects.overseenProjects(),
                projects.defaultProject());
    }


    private AuditEventView view(AuditEvent e) {
        return new AuditEventView(e.getSeq(), e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(),
                e.getEntityType(), e.getEntityId(), e.getSourceId(), parse(e.getBeforeState()),
                parse(e.getAfterState()), e.getReason(), e.getOrigin(), e.getPrevHash(), e.getHash(), e.getProjectId());
    }

    private JsonNode parse(String state) {
        return state == null ? null : json.readTree(state);
    }
}
