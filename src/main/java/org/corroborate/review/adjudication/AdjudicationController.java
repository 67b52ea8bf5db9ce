package org.corroborate.review.adjudication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Adjudication over HTTP: units to decide, decisions, and the gold layer. */
@RestController
@Tag(name = "Adjudication")
class AdjudicationController {

    private final AdjudicationService adjudication;

    AdjudicationController(AdjudicationService adjudication) {
        this.adjudication = adjudication;
    }

    @GetMapping("/api/sources/{sourceId}/units")
    @Operation(summary = "Supervisor: the units of competing annotations of a source, with their decisions")
    List<Unit> units(@PathVariable long sourceId) {
        return adjudication.units(sourceId);
    }

    @PostMapping("/api/sources/{sourceId}/decisions")
    @Operation(summary = "Supervisor: decide a unit {annotationIds, outcome: ACCEPTED|REJECTED, reason, from?, "
            + "start?, end?, label?, attributes?, note?}")
    ResponseEntity<DecisionDetails> decide(@PathVariable long sourceId, @RequestBody DecisionRequest request) {
        DecisionDetails made = adjudication.decide(sourceId, request);
        return ResponseEntity.created(URI.create("/api/decisions/" + made.id())).body(made);
    }

    @PostMapping("/api/sources/{sourceId}/decisions/agreed")
    @Operation(summary = "Supervisor: accept every undecided unit all reviewers agree on {reason?}")
    List<DecisionDetails> acceptAgreed(@PathVariable long sourceId, @RequestBody(required = false) ReasonBody body) {
        return adjudication.acceptAgreed(sourceId, body == null ? null : body.reason());
    }

    @PutMapping("/api/decisions/{id}")
    @Operation(summary = "Supervisor: revise a decision; the body carries the version you read")
    DecisionDetails revise(@PathVariable long id, @RequestBody DecisionRequest request) {
        return adjudication.revise(id, request);
    }

    @GetMapping("/api/sources/{sourceId}/decisions")
    @Operation(summary = "Every decision on a source, with its reason and the annotations it was based on")
    List<DecisionDetails> decisions(@PathVariable long sourceId) {
        return adjudication.decisions(sourceId);
    }

    @GetMapping(value = "/api/sources/{sourceId}/annotations", params = "layer=gold")
    @Operation(summary = "The gold layer: accepted decisions, each with its gold span and the annotations it came from")
    List<DecisionDetails> gold(@PathVariable long sourceId) {
        return adjudication.gold(sourceId);
    }

    /** A reason on its own. */
    record ReasonBody(String reason) {}
}
