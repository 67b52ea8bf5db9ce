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
import java.time.Instant;
import org.corroborate.base.Provenance;
import org.hibernate.envers.Audited;

/** One reviewer's verdict on one annotation by someone else, with an optional comment; may be changed later. */
@Entity
@Table(name = "assessment")
@Audited
class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "annotation_id", nullable = false, updatable = false)
    private Long annotationId;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(nullable = false, updatable = false)
    private String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    /** Who imported it, when, from which file; null for work done in this workbench. */
    @jakarta.persistence.Embedded
    private Provenance imported;

    @Version
    private long version;

    protected Assessment() {}

    Assessment(Long annotationId, Long sourceId, String reviewer, Instant createdAt) {
        this.annotationId = annotationId;
        this.sourceId = sourceId;
        this.reviewer = reviewer;
        this.createdAt = createdAt;
    }

    void judge(Verdict verdict, String comment, Instant when) {
        this.verdict = verdict;
        this.comment = comment;
        this.modifiedAt = when;
    }

    /** Marks this as imported work: who imported it, when, from which file. */
    void imported(Provenance provenance) {
        this.imported = provenance;
    }

    /** Where it was imported from; null for work done in this workbench. */
    Provenance provenance() {
        return imported;
    }

    /** Someone's own work in this workbench replaces what was imported: it is no longer imported. */
    void becomeLive() {
        this.imported = null;
    }

    Long getId() { return id; }

    AssessmentDetails toDetails() {
        return new AssessmentDetails(id, annotationId, sourceId, reviewer, verdict, comment, createdAt, modifiedAt,
                version, provenance());
    }
}
