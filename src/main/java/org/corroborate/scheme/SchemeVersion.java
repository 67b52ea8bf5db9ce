package org.corroborate.scheme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a project's scheme: written once, never changed (a change is the next version).
 * The audit trail records each as {@code scheme.created} or {@code scheme.changed}.
 */
@Entity
@Table(name = "scheme_version")
class SchemeVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String name;

    /** The scheme's own version string, such as 1.1.0. */
    @Column(name = "scheme_release", nullable = false, updatable = false)
    private String release;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(nullable = false, updatable = false)
    private String diff;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(updatable = false)
    private String reason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SchemeVersion() {}

    SchemeVersion(long projectId, int number, LabelScheme scheme, String diff, String summary, String reason,
                  String createdBy, Instant createdAt) {
        this.projectId = projectId;
        this.number = number;
        this.name = scheme.name();
        this.release = scheme.version();
        this.content = SchemeReader.write(scheme);
        this.diff = diff;
        this.summary = summary;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    long projectId() { return projectId; }
    int number() { return number; }
    String content() { return content; }
    String diff() { return diff; }
    String summary() { return summary; }
    String reason() { return reason; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
}
