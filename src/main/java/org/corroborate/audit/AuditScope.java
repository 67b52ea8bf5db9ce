package org.corroborate.audit;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which events one person may read. An administrator reads every event. Anyone else reads the
 * events of the projects they oversee, and their own events in the other projects they belong to;
 * never workbench-wide events (accounts, sign-in locks, the creation of projects). An event written before
 * projects existed names no project and counts as the default project's.
 *
 * @param everything whether every event is readable (an administrator)
 * @param overseen the projects whose every event is readable
 * @param ownOnly the projects where only the person's own events are readable
 * @param me the person's username
 * @param defaultProject the project that events naming none belong to
 */
record AuditScope(boolean everything, Set<Long> overseen, Set<Long> ownOnly, String me, long defaultProject) {

    /**
     * Entity types that belong to no project (accounts, and the client addresses sign-in throttling
     * locks): events about them name no project and are administrators' only.
     */
    static final Set<String> WORKBENCH_WIDE_TYPES = Set.of("Account", "ClientAddress");
    /** Actions that are workbench-wide although they name a project. */
    static final Set<String> WORKBENCH_WIDE_ACTIONS = Set.of("project.created");

    /** The scope of an administrator. */
    static AuditScope all() {
        return new AuditScope(true, Set.of(), Set.of(), null, 0);
    }

    /** A person's scope from the projects they read and oversee. */
    static AuditScope of(String me, Set<Long> readable, Set<Long> overseen, long defaultProject) {
        Set<Long> ownOnly = new HashSet<>(readable);
        ownOnly.removeAll(overseen);
        return new AuditScope(false, Set.copyOf(overseen), Set.copyOf(ownOnly), me, defaultProject);
    }

    /** Whether the person reads colleagues' events anywhere (oversees a project, or everything). */
    boolean readsOthers() {
        return everything || !overseen.isEmpty();
    }

    /** Whether the person may read this event. */
    boolean admits(AuditEvent event) {
        if (everything) {
            return true;
        }
        if (WORKBENCH_WIDE_ACTIONS.contains(event.getAction())) {
            return false;
        }
        Long project = event.getProjectId();
        if (project == null) {
            if (WORKBENCH_WIDE_TYPES.contains(event.getEntityType())) {
                return false;
            }
            project = defaultProject;
        }
        return overseen.contains(project) || ownOnly.contains(project) && me.equals(event.getActor());
    }

    /**
     * This scope as a JPQL condition on {@code e} (an AuditEvent), with its parameters added to
     * {@code parameters}; empty for an administrator.
     */
    String condition(Map<String, Object> parameters) {
        if (everything) {
            return "";
        }
        StringBuilder any = new StringBuilder();
        if (!overseen.isEmpty()) {
            or(any, "e.projectId in :scopeOverseen");
            parameters.put("scopeOverseen", overseen);
        }
        if (!ownOnly.isEmpty()) {
            or(any, "(e.actor = :scopeMe and e.projectId in :scopeOwnOnly)");
            parameters.put("scopeOwnOnly", ownOnly);
            parameters.put("scopeMe", me);
        }
        if (overseen.contains(defaultProject)) {
            or(any, "(e.projectId is null and e.entityType not in :scopeWide)");
            parameters.put("scopeWide", WORKBENCH_WIDE_TYPES);
        } else if (ownOnly.contains(defaultProject)) {
            or(any, "(e.projectId is null and e.entityType not in :scopeWide and e.actor = :scopeMe)");
            parameters.put("scopeWide", WORKBENCH_WIDE_TYPES);
            parameters.put("scopeMe", me);
        }
        if (any.isEmpty()) {
            return " and 1 = 0";
        }
        parameters.put("scopeWideActions", WORKBENCH_WIDE_ACTIONS);
        return " and (" + any + ") and e.action not in :scopeWideActions";
    }

    private static void or(StringBuilder any, String clause) {
        if (!any.isEmpty()) {
            any.append(" or ");
        }
        any.append(clause);
    }
}
