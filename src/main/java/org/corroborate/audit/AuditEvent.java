package org.corroborate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change: who did what to which entity, when, from what to what, and why; a link of the hash chain. Read only: {@link ChainAppender} writes them. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, unique = true)
    private long seq;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "entity_type", nullable = false, updatable = false)
    private String entityType;

    @Column(name = "entity_id", updatable = false)
    private String entityId;

    @Column(name = "source_id", updatable = false)
    private Long sourceId;

    @Column(name = "before_state", updatable = false)
    private String beforeState;

    @Column(name = "after_state", updatable = false)
    private String afterState;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String origin;

    /** The project the event belongs to; null for workbench-wide events and those written before projects. */
    @Column(name = "project_id", updatable = false)
    private Long projectId;

    protected AuditEvent() {}

    public Long getId() { return id; }
    public long getSeq() { return seq; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public Long getSourceId() { return sourceId; }
    public String getBeforeState() { return beforeState; }
    public String getAfterState() { return afterState; }
    public String getReason() { return reason; }
    public String getOrigin() { return origin; }
    public Long getProjectId() { return projectId; }
}
