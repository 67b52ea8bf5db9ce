package org.corroborate.base;

/**
 * A domain event: one write that a service made, published inside the writing transaction so
 * that the audit trail records it atomically with the change. Features publish it; only the
 * audit feature listens, so domain code does not depend on auditing.
 *
 * @param action what happened, e.g. {@code source.imported}
 * @param entityType the kind of thing changed, e.g. {@code Source}
 * @param entityId its id
 * @param sourceId the source it belongs to, if any
 * @param before state before the change (serialised to JSON), null on creation
 * @param after state after the change (serialised to JSON), null on deletion
 * @param reason why, where the actor gave a reason
 * @param projectId the project it belongs to; null lets the audit trail take it from the source
 *        (and leaves it null for workbench-wide changes such as accounts)
 */
public record Change(String action, String entityType, String entityId, Long sourceId,
                     Object before, Object after, String reason, Long projectId) {

    /** A change that belongs to its source's project, or to no project when it has no source. */
    public Change(String action, String entityType, String entityId, Long sourceId,
                  Object before, Object after, String reason) {
        this(action, entityType, entityId, sourceId, before, after, reason, null);
    }

    /** This change, as belonging to a project: for project-wide changes that have no source (scheme, members). */
    public Change inProject(long project) {
        return new Change(action, entityType, entityId, sourceId, before, after, reason, project);
    }

    public static Change created(String action, String entityType, Object id, Long sourceId, Object after) {
        return new Change(action, entityType, String.valueOf(id), sourceId, null, after, null);
    }

    public static Change updated(String action, String entityType, Object id, Long sourceId,
                                 Object before, Object after, String reason) {
        return new Change(action, entityType, String.valueOf(id), sourceId, before, after, reason);
    }
}
