package org.corroborate.review.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reviewer is to review a source. */
@Entity
@Table(name = "assignment")
class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(nullable = false, updatable = false)
    private String reviewer;

    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    protected Assignment() {}

    Assignment(Long sourceId, String reviewer, String assignedBy, Instant assignedAt) {
        this.sourceId = sourceId;
        this.reviewer = reviewer;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    Long getSourceId() { return sourceId; }
    String getReviewer() { return reviewer; }
}
