package org.corroborate.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail over HTTP: search, verify, signed checkpoints, export, and one entity's timeline. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
class AuditController {

    /** The furthest a page may start: far beyond any log, and well inside an int with a page added. */
    static final long MAX_OFFSET = 1_000_000_000L;

    /** The most checkpoints one request lists. */
    static final int MAX_CHECKPOINTS = 1000;

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Events, newest first; filters actor, source, action, entity, entityId, from, to (ISO "
            + "instants); page and size (at most 500). Reviewers get only their own.")
    AuditPage search(@RequestParam(required = false) String actor, @RequestParam(required = false) Long source,
                     @RequestParam(required = false) String action, @RequestParam(required = false) String entity,
                     @RequestParam(required = false) String entityId, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > AuditService.MAX_PAGE) {
            throw WorkbenchException.badInput("'page' must be 0 or more and 'size' between 1 and "
                    + AuditService.MAX_PAGE + ".");
        }
        long offset = (long) page * size;
        if (offset > MAX_OFFSET) {
            throw WorkbenchException.badInput("'page' is too large: page × size must be at most " + MAX_OFFSET
                    + "; narrow the search with from, to or source instead.");
        }
        AuditFilter filter = new AuditFilter(actor, source, action, entity, entityId, instant("from", from),
                instant("to", to));
        List<AuditEventView> events = audit.search(filter, (int) offset, size + 1);
        boolean more = events.size() > size;
        return new AuditPage(page, size, more, more ? events.subList(0, size) : events);
    }

    @GetMapping("/verify")
    @Operation(summary = "Re-walk the hash chain: {valid, events, head}, or the first broken event")
    AuditVerification verify() {
        return audit.verify();
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Signed checkpoints of the chain's head, newest first (limit, at most 1000), with the "
            + "Ed25519 public key that verifies them")
    AuditService.Checkpoints checkpoints(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_CHECKPOINTS) {
            throw WorkbenchException.badInput("'limit' must be between 1 and " + MAX_CHECKPOINTS + ".");
        }
        return audit.checkpoints(limit);
    }

    @GetMapping("/{entity}/{entityId}/timeline")
    @Operation(summary = "Everything recorded about one entity, oldest first")
    List<AuditEventView> timeline(@PathVariable String entity, @PathVariable String entityId) {
        return audit.timeline(entity, entityId);
    }

    @GetMapping("/export")
    @Operation(summary = "The filtered log as CSV or JSON Lines (format=csv|jsonl), streamed")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "jsonl") String format,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) Long source,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String entity,
                                                 @RequestParam(required = false) String entityId,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        AuditService.AuditFileFormat chosen = switch (format.toLowerCase()) {
            case "csv" -> AuditService.AuditFileFormat.CSV;
            case "jsonl" -> AuditService.AuditFileFormat.JSONL;
            default -> throw WorkbenchException.badInput("Unknown format '" + format + "': use csv or jsonl.");
        };
        AuditFilter filter = new AuditFilter(actor, source, action, entity, entityId, instant("from", from),
                instant("to", to));
        var writer = audit.export(filter, chosen);
        StreamingResponseBody body = writer::accept;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit." + format.toLowerCase() + "\"")
                .contentType(chosen == AuditService.AuditFileFormat.CSV ? new MediaType("text", "csv")
                        : MediaType.parseMediaType("application/x-ndjson"))
                .body(body);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw WorkbenchException.badInput("'" + name + "' must be an ISO instant such as 2026-11-21T10:00:00Z.");
        }
    }

    /** One page of events and whether there are more. */
    record AuditPage(int page, int size, boolean hasMore, List<AuditEventView> events) {}
}
