package org.corroborate.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projects over HTTP: members see theirs, administrators every one; a non-member gets 404. */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects", description = "Projects, their members and roles, and their guidelines")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "The projects you may read (every project for an administrator), with your roles in each")
    List<ProjectView> list() {
        return projects.list().stream().map(this::view).toList();
    }

    @PostMapping
    @Operation(summary = "Administrator: create a project ({name, description}); add members next")
    ResponseEntity<ProjectView> create(@RequestBody ProjectRequest request) {
        ProjectDetails created = projects.create(request.name(), request.description());
        return ResponseEntity.created(URI.create("/api/projects/" + created.id())).body(view(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project, with your roles in it and its guidelines (Markdown)")
    ProjectView get(@PathVariable long id) {
        return view(projects.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Supervisor or administrator: change name, description, guidelines and/or "
            + "assignmentsRequired (true: reviewers work only on the sources assigned to them); send the version "
            + "you read (409 if stale)")
    ProjectView update(@PathVariable long id, @RequestBody ProjectRequest request) {
        if (request.version() == null) {
            throw WorkbenchException.badInput("'version' (the project's version you read) is required.");
        }
        ProjectDetails current = projects.get(id);
        ProjectDetails updated = current;
        long version = request.version();
        if (request.name() != null || request.description() != null) {
            updated = projects.update(id, request.name() == null ? current.name() : request.name(),
                    request.description() == null ? current.description() : request.description(), version);
            version = updated.version();
        }
        if (request.guidelines() != null) {
            updated = projects.setGuidelines(id, request.guidelines(), version);
            version = updated.version();
        }
        if (request.assignmentsRequired() != null) {
            updated = projects.requireAssignments(id, request.assignmentsRequired(), version);
        }
        return view(updated);
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "The project's members: [{username, roles}] with roles REVIEWER and/or SUPERVISOR")
    List<ProjectMembership> members(@PathVariable long id) {
        return projects.members(id);
    }

    @PutMapping("/{id}/members")
    @Operation(summary = "Supervisor or administrator: replace the members with [{username, roles}]")
    List<ProjectMembership> setMembers(@PathVariable long id, @RequestBody List<ProjectMembership> members) {
        return projects.setMembers(id, members);
    }

    private ProjectView view(ProjectDetails project) {
        return new ProjectView(project.id(), project.name(), project.description(), project.createdBy(),
                project.createdAt(), project.version(), project.assignmentsRequired(), projects.rolesIn(project.id()),
                projects.guidelines(project.id()).orElse(null));
    }

    /**
     * A project as the API shows it: {@code yourRoles} are the caller's roles in it;
     * {@code assignmentsRequired}: its reviewers work only on the sources assigned to them.
     */
    record ProjectView(Long id, String name, String description, String createdBy, java.time.Instant createdAt,
                       long version, boolean assignmentsRequired, Set<Role> yourRoles, String guidelines) {}

    /** What a client sends to create or change a project; absent fields are left as they are. */
    record ProjectRequest(String name, String description, String guidelines, Boolean assignmentsRequired,
                          Long version) {}
}
