package org.corroborate.audit;

import java.util.Set;

/**
 * A feature's word on whether the signed-in reviewer may read the audit timeline of one of its
 * entities. Supervisors and administrators read every timeline; a reviewer reads a timeline only
 * where the feature owning the entity type says yes, and never those of types no feature answers
 * for (exports, imports, accounts, sources, decisions). Implementations are Spring beans and must
 * not throw for what the caller may not see: they answer false.
 */
public interface TimelineAccess {

    /** The entity types, as written in audit events (such as {@code Annotation}), this answers for. */
    Set<String> entityTypes();

    /** Whether the current caller may read the timeline of this entity. */
    boolean mayRead(String entityType, String entityId);
}
