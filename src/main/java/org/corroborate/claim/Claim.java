package org.corroborate.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.corroborate.base.Provenance;

/** One statement several sources make, in one project; its members are {@link ClaimMember} rows. */
@Entity
@Table(name = "claim")
class Claim {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false)
    private String statement;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    /** Who imported it, when, from which file; null for a claim made in this workbench. */
    @Embedded
    private Provenance imported;

    @Version
    private long version;

    protected Claim() {}

    Claim(long projectId, String statement, String createdBy, Instant createdAt) {
        this.projectId = projectId;
        this.statement = statement;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    void rename(String statement, Instant when) {
        this.statement = statement;
        this.modifiedAt = when;
    }

    /** Its members changed: the claim counts as changed too (its version goes up). */
    void touched(Instant when) {
        this.modifiedAt = when;
    }

    void imported(Provenance provenance) {
        this.imported = provenance;
    }

    Long getId() { return id; }
    long getProjectId() { return projectId; }
    String getStatement() { return statement; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getModifiedAt() { return modifiedAt; }
    Provenance getImported() { return imported; }
    long getVersion() { return version; }
}
