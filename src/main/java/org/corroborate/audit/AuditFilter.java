package org.corroborate.audit;

import java.time.Instant;

/** Which audit events to show; every field is optional. {@code to} is exclusive. */
public record AuditFilter(String actor, Long sourceId, String action, String entityType, String entityId,
                          Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    boolean isEmpty() {
        return blank(actor) && sourceId == null && blank(action) && blank(entityType) && blank(entityId)
                && from == null && to == null;
    }

    /** This filter, for one actor's events only. */
    public AuditFilter withActor(String name) {
        return new AuditFilter(name, sourceId, action, entityType, entityId, from, to);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
