package org.corroborate.review.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.base.WorkbenchException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Assignment and progress over HTTP, for supervisors. */
@RestController
@Tag(name = "Assignment and progress")
class AssignmentController {

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @PutMapping("/api/sources/{sourceId}/assignment")
    @Operation(summary = "Supervisor: set the reviewers of a source {reviewers: [...]}")
    Map<String, Set<String>> assign(@PathVariable long sourceId, @RequestBody ReviewersBody body) {
        return Map.of("reviewers", assignments.assign(sourceId, body.reviewers()));
    }

    @PostMapping("/api/assignments/even")
    @Operation(summary = "Supervisor: give every source {perSource} reviewers, spread evenly")
    List<SourceProgress> even(@RequestBody PerSourceBody body) {
        if (body.perSource() == null) {
            throw WorkbenchException.badInput("'perSource' is required.");
        }
        assignments.assignEvenly(body.perSource());
        return assignments.progress();
    }

    @GetMapping("/api/progress")
    @Operation(summary = "Every source's reviewers and their status, and each reviewer's workload")
    Map<String, Object> progress() {
        return Map.of("sources", assignments.progress(), "reviewers", assignments.byReviewer());
    }

    record ReviewersBody(Set<String> reviewers) {}

    record PerSourceBody(Integer perSource) {}
}
