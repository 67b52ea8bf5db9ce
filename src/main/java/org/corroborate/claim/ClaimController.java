package org.corroborate.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Claims over HTTP, as the caller: the statements sources share, their members and the decisions on them. */
@RestController
@Tag(name = "Claims", description = "Statements several sources make, with the annotations that make them")
class ClaimController {

    private final ClaimService claims;
    private final ProjectService projects;

    ClaimController(ClaimService claims, ProjectService projects) {
        this.claims = claims;
        this.projects = projects;
    }

    @GetMapping("/api/claims")
    @Operation(summary = "The project's claims in one line each, most recently changed first (?project=ID, "
            + "optional when you read one project)")
    List<ClaimSummary> list(@RequestParam(name = ProjectService.PARAMETER, required = false) Long project) {
        return claims.list(projects.resolve(project));
    }

    @PostMapping("/api/claims")
    @Operation(summary = "Make a claim {project?, statement}: 201 with the claim")
    ResponseEntity<ClaimDetails> create(@RequestBody ClaimBody body) {
        ClaimDetails created = claims.create(projects.resolve(body.project()), body.statement());
        return ResponseEntity.created(URI.create("/api/claims/" + created.id())).body(created);
    }

    @GetMapping("/api/claims/gold")
    @Operation(summary = "The gold layer of claims: each claim with its accepted members only (?project=ID)")
    List<ClaimDetails> gold(@RequestParam(name = ProjectService.PARAMETER, required = false) Long project) {
        return claims.gold(projects.resolve(project));
    }

    @GetMapping("/api/claims/{id}")
    @Operation(summary = "One claim with the members you may see, its first report and its drift")
    ClaimDetails get(@PathVariable long id) {
        return claims.get(id);
    }

    @PatchMapping("/api/claims/{id}")
    @Operation(summary = "A new statement {statement, version}: 409 when the version is stale")
    ClaimDetails rename(@PathVariable long id, @RequestBody ClaimBody body) {
        return claims.rename(id, body.statement(), required(body.version()));
    }

    @DeleteMapping("/api/claims/{id}")
    @Operation(summary = "Delete the claim and its memberships (kept in the audit trail); ?version=N is required")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version) {
        claims.delete(id, required(version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/claims/{id}/members")
    @Operation(summary = "Put an annotation into the claim {annotation, stance}: 201 with the claim; "
            + "409 when it is a member already")
    ResponseEntity<ClaimDetails> addMember(@PathVariable long id, @RequestBody MemberBody body) {
        if (body.annotation() == null) {
            throw WorkbenchException.badInput("'annotation' is required: the id of the annotation to add.");
        }
        ClaimDetails claim = claims.addMember(id, body.annotation(), stance(body.stance()));
        return ResponseEntity.created(URI.create("/api/claims/" + id)).body(claim);
    }

    @PatchMapping("/api/claims/{id}/members/{annotation}")
    @Operation(summary = "Change a member's stance {stance}")
    ClaimDetails changeStance(@PathVariable long id, @PathVariable long annotation, @RequestBody MemberBody body) {
        return claims.changeStance(id, annotation, stance(body.stance()));
    }

    @DeleteMapping("/api/claims/{id}/members/{annotation}")
    @Operation(summary = "Take an annotation out of the claim; the claim as it is now")
    ClaimDetails removeMember(@PathVariable long id, @PathVariable long annotation) {
        return claims.removeMember(id, annotation);
    }

    @PostMapping("/api/claims/{id}/members/{annotation}/decision")
    @Operation(summary = "A supervisor's decision on a member {outcome: ACCEPTED|REJECTED, reason}")
    ClaimDetails decide(@PathVariable long id, @PathVariable long annotation, @RequestBody DecisionBody body) {
        return claims.decide(id, annotation, outcome(body.outcome()), body.reason());
    }

    @GetMapping("/api/annotations/{id}/claims")
    @Operation(summary = "The claims an annotation is in, in one line each")
    List<ClaimSummary> claimsOf(@PathVariable long id) {
        return claims.claimsOf(id);
    }

    private static long required(Long version) {
        if (version == null) {
            throw WorkbenchException.badInput("'version' is required: send the version you last saw.");
        }
        return version;
    }

    private static Stance stance(String stance) {
        return named(Stance.class, "stance", stance);
    }

    private static MemberOutcome outcome(String outcome) {
        return outcome == null ? null : named(MemberOutcome.class, "outcome", outcome);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
        String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw WorkbenchException.badInput("'" + field + "' is required: one of " + choices + ".");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WorkbenchException.badInput("'" + field + "' must be one of " + choices + ", not '"
                    + value.strip() + "'.");
        }
    }

    /** The JSON of a claim's create or rename. */
    record ClaimBody(Long project, String statement, Long version) {}

    /** The JSON of a member's addition or stance change. */
    record MemberBody(Long annotation, String stance) {}

    /** The JSON of a decision on a member. */
    record DecisionBody(String outcome, String reason) {}
}
