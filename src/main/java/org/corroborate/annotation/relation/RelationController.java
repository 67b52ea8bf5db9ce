package org.corroborate.annotation.relation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Relations between annotations over HTTP, as the caller. */
@RestController
@Tag(name = "Relations", description = "Typed links between two annotations of one source")
class RelationController {

    private final RelationService relations;

    RelationController(RelationService relations) {
        this.relations = relations;
    }

    @GetMapping("/api/sources/{sourceId}/relations")
    @Operation(summary = "The relations of a source the caller may see")
    List<RelationDetails> list(@PathVariable long sourceId) {
        return relations.visible(sourceId);
    }

    @PostMapping("/api/relations")
    @Operation(summary = "Create {from, to, type} as the caller (annotation ids; type: a relation type of the scheme)")
    ResponseEntity<RelationDetails> create(@RequestBody RelationBody body) {
        if (body == null || body.from() == null || body.to() == null) {
            throw WorkbenchException.badInput("'from' and 'to' (annotation ids) and 'type' are required.");
        }
        RelationDetails made = relations.create(new RelationRequest(body.from(), body.to(), body.type()));
        return ResponseEntity.created(URI.create("/api/relations/" + made.id())).body(made);
    }

    @DeleteMapping("/api/relations/{id}")
    @Operation(summary = "Delete (kept in the audit trail); ?version=N is required, ?reason= for a colleague's")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version,
                                @RequestParam(required = false) String reason) {
        if (version == null) {
            throw WorkbenchException.badInput("'version' is required: send the version you last saw.");
        }
        relations.delete(id, version, reason);
        return ResponseEntity.noContent().build();
    }

    /** The JSON of a create. */
    record RelationBody(Long from, Long to, String type) {}
}
