package org.corroborate.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A body of work with its own sources, members, label scheme and guidelines. */
@Entity
@Table(name = "project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    /** Annotation guidelines for the project, Markdown; null when it has none. */
    private String guidelines;

    /** Whether reviewers work only on the sources assigned to them (issue 12). */
    @Column(name = "assignments_required", nullable = false)
    private boolean assignmentsRequired;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Project() {}

    Project(String name, String description, String guidelines, String createdBy, Instant createdAt) {
        this.name = name;
        this.description = description;
        this.guidelines = guidelines;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    String getName() { return name; }
    String getGuidelines() { return guidelines; }
    long getVersion() { return version; }

    void describe(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void setGuidelines(String guidelines) { this.guidelines = guidelines; }

    boolean isAssignmentsRequired() { return assignmentsRequired; }

    void requireAssignments(boolean required) { this.assignmentsRequired = required; }

    ProjectDetails toDetails() {
        return new ProjectDetails(id, name, description, createdBy, createdAt, version, assignmentsRequired);
    }
}
