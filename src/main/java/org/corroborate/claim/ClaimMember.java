package org.corroborate.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One annotation in one claim, with its stance, who put it there and when, and a supervisor's
 * decision on the membership (all four decision columns null until decided).
 */
@Entity
@Table(name = "claim_member")
class ClaimMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "claim_id", nullable = false, updatable = false)
    private Long claimId;

    @Column(name = "annotation_id", nullable = false, updatable = false)
    private Long annotationId;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stance stance;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Enumerated(EnumType.STRING)
    private MemberOutcome outcome;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private String reason;

    @Version
    private long version;

    protected ClaimMember() {}

    ClaimMember(long claimId, long annotationId, long sourceId, long projectId, Stance stance, String addedBy,
                Instant addedAt) {
        this.claimId = claimId;
        this.annotationId = annotationId;
        this.sourceId = sourceId;
        this.projectId = projectId;
        this.stance = stance;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    void stance(Stance stance) {
        this.stance = stance;
    }

    void decide(MemberDecision decision) {
        this.outcome = decision == null ? null : decision.outcome();
        this.reason = decision == null ? null : decision.reason();
        this.decidedBy = decision == null ? null : decision.decidedBy();
        this.decidedAt = decision == null ? null : decision.decidedAt();
    }

    Long getId() { return id; }
    long getClaimId() { return claimId; }
    long getAnnotationId() { return annotationId; }
    long getSourceId() { return sourceId; }
    long getProjectId() { return projectId; }
    Stance getStance() { return stance; }
    String getAddedBy() { return addedBy; }
    Instant getAddedAt() { return addedAt; }
    long getVersion() { return version; }

    /** The decision, or null when none was made. */
    MemberDecision decision() {
        return outcome == null ? null : new MemberDecision(outcome, reason, decidedBy, decidedAt);
    }

    /** What the audit trail records of it: ids, stance, who added it, the decision. */
    Audited audited() {
        return new Audited(id, claimId, annotationId, sourceId, stance, addedBy, addedAt, decision(), version);
    }

    /** A membership's state as the audit trail keeps it. */
    record Audited(Long id, long claim, long annotation, long source, Stance stance, String addedBy, Instant addedAt,
                   MemberDecision decision, long version) {}
}
