package org.corroborate.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corroborate.base.CurrentActor;
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
 * The audit trail for people: supervisors and administrators search all of it, verify the chain
 * and export it; reviewers see their own history only. The server enforces it.
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

    AuditService(AuditEventRepository events, AuditSearch search, AuditVerifier verifier, CurrentActor actor,
                 JsonMapper json, AppendOnlyGuard guard, List<TimelineAccess> timelineAccess) {
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
        return search.find(scoped(filter), offset, Math.min(limit, MAX_PAGE + 1)).stream()
                .map(this::view).toList();
    }

    /**
     * Everything recorded about one entity, oldest first: its timeline. Supervisors and administrators
     * read any; a reviewer only timelines of entity types a feature opens to them ({@link TimelineAccess}),
     * and of those only entities that feature lets them see. Another type is refused (403) whatever the
     * id; an entity they may not see answers 404 as if it did not exist, so ids cannot be probed.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEventView> timeline(String entityType, String entityId) {
        if (!mayReadEverything()) {
            TimelineAccess access = timelineAccess.stream().filter(a -> a.entityTypes().contains(entityType))
                    .findFirst().orElseThrow(() -> new AccessDeniedException("Reviewers may read the history of "
                            + "annotations, verdicts and their own review status only."));
            if (!access.mayRead(entityType, entityId)) {
                throw WorkbenchException.notFound("There is no " + entityType + " " + entityId
                        + " whose history you may read.");
            }
        }
        return events.findByEntityTypeAndEntityIdOrderByIdAsc(entityType, entityId).stream().map(this::view).toList();
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
        List<String> unguarded = guard.problems();
        return unguarded.isEmpty() ? verification : verification.withWarnings(
                List.of(AppendOnlyGuard.MISSING + ": " + String.join("; ", unguarded) + "."));
    }

    /** What the database no longer guards of the append-only log; empty when all is in place. */
    @PreAuthorize(Roles.OVERSEES)
    public List<String> guardProblems() {
        return guard.problems();
    }

    @PreAuthorize(Roles.OVERSEES)
    public List<String> actors() {
        return search.distinct("actor", null);
    }

    /** The actions in the log, or for a reviewer, in their own history. */
    @PreAuthorize("isAuthenticated()")
    public List<String> actions() {
        return search.distinct("action", mayReadEverything() ? null : actor.require());
    }

    /** The kinds of entity in the log, or for a reviewer, in their own history. */
    @PreAuthorize("isAuthenticated()")
    public List<String> entityTypes() {
        return search.distinct("entityType", mayReadEverything() ? null : actor.require());
    }

    /**
     * Checks now that the caller may read what the filter asks for, and returns the writer of every
     * matching event as CSV or JSON Lines, page by page, newest first, to run while the download streams.
     */
    @PreAuthorize("isAuthenticated()")
    public Consumer<OutputStream> export(AuditFilter filter, AuditFileFormat format) {
        AuditFilter scoped = scoped(filter);
        return out -> write(scoped, format, out);
    }

    private void write(AuditFilter scoped, AuditFileFormat format, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = format == AuditFileFormat.CSV ? CSVFormat.RFC4180.builder().setHeader("seq", "occurred_at",
                    "actor", "action", "entity_type", "entity_id", "source_id", "reason", "origin", "before", "after",
                    "prev_hash", "hash").get().print(writer) : null;
            int offset = 0;
            List<AuditEvent> page;
            do {
                page = search.find(scoped, offset, 1000);
                for (AuditEvent event : page) {
                    if (csv != null) {
                        csv.printRecord(event.getSeq(), event.getOccurredAt(), cell(event.getActor()),
                                cell(event.getAction()), cell(event.getEntityType()), cell(event.getEntityId()),
                                event.getSourceId(), cell(event.getReason()), cell(event.getOrigin()),
                                cell(event.getBeforeState()), cell(event.getAfterState()), event.getPrevHash(),
                                event.getHash());
                    } else {
                        writer.write(json.writeValueAsString(view(event)));
                        writer.write('\n');
                    }
                }
                offset += page.size();
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

    private AuditFilter scoped(AuditFilter filter) {
        if (mayReadEverything()) {
            return filter;
        }
        String me = actor.require();
        if (filter.actor() != null && !filter.actor().isBlank() && !filter.actor().strip().equals(me)) {
            throw new AccessDeniedException("Reviewers may read only their own history.");
        }
        return filter.withActor(me);
    }

    private boolean mayReadEverything() {
        return actor.oversees();
    }


    private AuditEventView view(AuditEvent e) {
        return new AuditEventView(e.getSeq(), e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(),
                e.getEntityType(), e.getEntityId(), e.getSourceId(), parse(e.getBeforeState()),
                parse(e.getAfterState()), e.getReason(), e.getOrigin(), e.getPrevHash(), e.getHash());
    }

    private JsonNode parse(String state) {
        return state == null ? null : json.readTree(state);
    }
}
