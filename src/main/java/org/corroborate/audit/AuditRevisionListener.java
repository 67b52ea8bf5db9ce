package org.corroborate.audit;

import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fills each Envers revision with the actor and the reason of the change. Hibernate creates the
 * listener itself, so the Spring-managed actor lookup is handed over once at start.
 */
public class AuditRevisionListener implements RevisionListener {

    private static volatile CurrentActor actor;

    @Override
    public void newRevision(Object revisionEntity) {
        CurrentActor current = actor;
        String name = current == null ? null : current.name().orElse(null);
        if (name == null) {
            // Several application contexts in one JVM (tests) each hand over their own lookup; the
            // JVM-wide security context is the one the running context uses.
            var auth = SecurityContextHolder.getContext().getAuthentication();
            name = auth == null || auth.getName() == null ? "system" : auth.getName();
        }
        ((AuditRevision) revisionEntity).describe(name, ChangeReason.current());
    }

    /** Hands the actor lookup to the listener when the application starts. */
    @Component
    static class Wiring {
        Wiring(CurrentActor currentActor) {
            actor = currentActor;
        }
    }
}
