package org.corroborate.annotation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Annotations over HTTP, as the caller. Offsets count Unicode code points. */
@RestController
@Tag(name = "Annotations", description = "Spans of a source with a label, attributes and a note")
class AnnotationController {

    private final AnnotationService annotations;

    AnnotationController(AnnotationService annotations) {
        this.annotations = annotations;
    }

    @GetMapping("/api/sources/{sourceId}/annotations")
    @Operation(summary = "The annotations of a source the caller may see; ?reviewer=NAME (repeatable) filters")
    List<AnnotationDetails> list(@PathVariable long sourceId,
                                 @RequestParam(name = "reviewer", required = false) Set<String> reviewers,
                                 @RequestParam(name = "layer", required = false) String layer) {
        if (layer != null && !layer.equals("all")) {
            throw WorkbenchException.badInput("Unknown layer '" + layer + "': use 'all' or 'gold'.");
        }
        return annotations.visible(sourceId, reviewers);
    }

    @GetMapping("/api/annotations/{id}")
    @Operation(summary = "One annotation")
    AnnotationDetails get(@PathVariable long id) {
        return annotations.get(id);
    }

    @GetMapping("/api/annotations/{id}/history")
    @Operation(summary = "Every state of the annotation with who, when and why; ?at=ISO-instant gives the state then")
    Object history(@PathVariable long id, @RequestParam(required = false) String at) {
        if (at == null || at.isBlank()) {
            return annotations.revisions(id);
        }
        try {
            return annotations.stateAt(id, Instant.parse(at.strip()));
        } catch (DateTimeParseException e) {
            throw WorkbenchException.badInput("'at' must be an ISO instant such as 2026-11-21T10:00:00Z.");
        }
    }

    @PostMapping("/api/sources/{sourceId}/annotations")
    @Operation(summary = "Create {start, end, label, attributes?, note?} as the caller")
    ResponseEntity<AnnotationDetails> create(@PathVariable long sourceId, @RequestBody AnnotationBody body) {
        AnnotationDetails created = annotations.create(sourceId,
                AnnotationRequest.create(orMissing(body.start()), orMissing(body.end()), body.label(),
                        body.attributes(), body.note()));
        return ResponseEntity.created(URI.create("/api/annotations/" + created.id())).body(created);
    }

    @PutMapping("/api/annotations/{id}")
    @Operation(summary = "Update; the body carries the version you read (409 with the current state when stale)")
    AnnotationDetails update(@PathVariable long id, @RequestBody AnnotationBody body) {
        return annotations.update(id, new AnnotationRequest(body.start(), body.end(), body.label(), body.attributes(),
                body.note(), body.version(), body.reason()));
    }

    @DeleteMapping("/api/annotations/{id}")
    @Operation(summary = "Delete (kept in the audit trail); ?version=N is required")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version,
                                @RequestParam(required = false) String reason) {
        annotations.delete(id, version, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/annotations/{id}/restore")
    @Operation(summary = "Bring a deleted annotation back under its id; the body carries the version it was "
            + "deleted at (409 when it changed before or is not deleted), and a reason for a colleague's")
    AnnotationDetails restore(@PathVariable long id, @RequestBody AnnotationBody body) {
        return annotations.restore(id, body.version(), body.reason());
    }

    private static int orMissing(Integer offset) {
        if (offset == null) {
            throw WorkbenchException.badInput("'start' and 'end' are required.");
        }
        return offset;
    }

    /** The JSON of a create or update. */
    record AnnotationBody(Integer start, Integer end, String label, Map<String, String> attributes, String note,
                          Long version, String reason) {}
}
