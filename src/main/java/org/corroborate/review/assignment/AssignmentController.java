package org.corroborate.review.assignment;

import org.corroborate.project.ProjectService;
import org.springframework.web.bind.annotation.RequestParam;
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

    private final ProjectService projects;
    private final org.corroborate.source.SourceService sources;
    private final org.corroborate.review.ReviewStatusService statuses;

    AssignmentController(AssignmentService assignments, ProjectService projects,
                         org.corroborate.source.SourceService sources,
                         org.corroborate.review.ReviewStatusService statuses) {
        this.assignments = assignments;
        this.projects = projects;
        this.sources = sources;
        this.statuses = statuses;
    }

    @PutMapping("/api/sources/{sourceId}/assignment")
    @Operation(summary = "Supervisor: set the reviewers of a source {reviewers: [...]}")
    Map<String, Set<String>> assign(@PathVariable long sourceId, @RequestBody ReviewersBody body) {
        if (body.reviewers() == null) {
            throw WorkbenchException.badInput("'reviewers' is required: the usernames to assign, [] to assign nobody.");
        }
        return Map.of("reviewers", assignments.assign(sourceId, body.reviewers()));
    }

    @PostMapping("/api/assignments/even")
    @Operation(summary = "Supervisor: give every source of the project {perSource, project} reviewers, spread evenly")
    List<SourceProgress> even(@RequestBody PerSourceBody body) {
        if (body.perSource() == null) {
            throw WorkbenchException.badInput("'perSource' is required.");
        }
        long projectId = projects.resolve(body.project());
        assignments.assignEvenly(projectId, body.perSource());
        return assignments.progress(projectId);
    }

    @GetMapping("/api/progress")
    @Operation(summary = "Every source's reviewers and their status, and each reviewer's workload, in ?project=ID")
    Map<String, Object> progress(@RequestParam(required = false) Long project) {
        long projectId = projects.resolve(project);
        return Map.of("project", projectId, "sources", assignments.progress(projectId),
                "reviewers", assignments.byReviewer(projectId));
    }

    /**
     * The caller's own work queue in a project, in the library's order (the newest import first):
     * every source, whether it is assigned to them and their status on it. {@code ?assigned=true}
     * keeps only the sources assigned to them. Any member may ask (a supervisor's status is their own).
     */
    @GetMapping("/api/me/queue")
    @Operation(summary = "The caller's sources in ?project=ID with 'assigned' and their own review status")
    List<QueueEntry> myQueue(@RequestParam(required = false) Long project,
                             @RequestParam(defaultValue = "false") boolean assigned) {
        long projectId = projects.resolve(project);
        var listed = sources.list(projectId);
        List<Long> ids = listed.stream().map(org.corroborate.source.SourceSummary::id).toList();
        Set<Long> mine = assignments.assignedToMe(ids);
        var states = statuses.myStates(ids);
        return listed.stream().filter(s -> !assigned || mine.contains(s.id()))
                .map(s -> new QueueEntry(s.id(), s.title(), mine.contains(s.id()),
                        states.getOrDefault(s.id(), org.corroborate.review.ReviewState.NOT_STARTED)))
                .toList();
    }

    record ReviewersBody(Set<String> reviewers) {}

    record PerSourceBody(Integer perSource, Long project) {}
}
