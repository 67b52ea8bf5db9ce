package org.corroborate.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import java.time.Instant;

/** One reviewer's progress on one source; absent means NOT_STARTED. */
@Entity
@Table(name = "review_status")
@Audited
class ReviewStatus {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(nullable = false, updatable = false)
    private String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewState status;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected ReviewStatus() {}

    ReviewStatus(Long sourceId, String reviewer) {
        this.sourceId = sourceId;
        this.reviewer = reviewer;
        this.status = ReviewState.NOT_STARTED;
    }

    ReviewState getStatus() { return status; }

    void change(ReviewState status, Instant when) {
        this.status = status;
        this.changedAt = when;
    }

    ReviewStatusDetails toDetails() {
        return new ReviewStatusDetails(sourceId, reviewer, status, changedAt);
    }
}
