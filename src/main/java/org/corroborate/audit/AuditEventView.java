package org.corroborate.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An audit event as the API, the exports and the views show it; before and after are JSON (or null).
 * {@code projectId} is the project it belongs to; null for workbench-wide events and for events
 * written before the workbench had projects (those are the default project's).
 */
public record AuditEventView(long seq, Long id, Instant occurredAt, String actor, String action, String entityType,
                             String entityId, Long sourceId, JsonNode before, JsonNode after, String reason,
                             String origin, String prevHash, String hash, Long projectId) {}
