package org.corroborate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change: who did what to which entity, when, from what to what, and why. Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    protected AuditEvent() {}

    AuditEvent(Instant occurredAt, String actor, String action, String entityType, String entityId, Long sourceId,
               String beforeState, String afterState, String reason, String origin) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.sourceId = sourceId;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.reason = reason;
        this.origin = origin;
    }

    public Long getId() { return id; }
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
}
