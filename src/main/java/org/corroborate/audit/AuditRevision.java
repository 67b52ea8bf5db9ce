package org.corroborate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One Envers revision (one writing transaction) of the audited entities: when, who, and why. */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private Long id;

    @RevisionTimestamp
    @Column(name = "revision_time", nullable = false)
    private Instant revisionTime;

    @Column(nullable = false)
    private String actor;

    private String reason;

    public Long getId() { return id; }
    public Instant getRevisionTime() { return revisionTime; }
    public String getActor() { return actor; }
    public String getReason() { return reason; }

    void describe(String actor, String reason) {
        this.actor = actor;
        this.reason = reason;
    }
}
