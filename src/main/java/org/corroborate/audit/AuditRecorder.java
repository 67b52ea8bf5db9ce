package org.corroborate.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.SourceProjects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one audit event for every {@link Change} a service publishes, in the service's own
 * transaction: a rolled-back change leaves no event, a committed one always has one. Each event is
 * linked into the hash chain under a lock on the chain's head, so concurrent writers never fork it.
 * While the {@link ReadOnlyGate} is closed (the audit guard is missing), every change is refused here,
 * before anything is appended, and the writer's transaction rolls back.
 */
@Component
class AuditRecorder {

    private final ChainAppender chain;
    private final JsonMapper json;
    private final Clock clock;
    private final CurrentActor actor;

    private final SourceProjects sourceProjects;
    private final ReadOnlyGate gate;

    AuditRecorder(ChainAppender chain, JsonMapper json, Clock clock, CurrentActor actor,
                  SourceProjects sourceProjects, ReadOnlyGate gate) {
        this.sourceProjects = sourceProjects;
        this.gate = gate;
        this.chain = chain;
        this.json = json;
        this.clock = clock;
        this.actor = actor;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(Change change) {
        gate.requireWritable();
        chain.append(new AuditChain.Fields(0, clock.instant(), actor.name().orElse("system"), change.action(),
                change.entityType(), change.entityId(), change.sourceId(), toJson(change.before()),
                toJson(change.after()), change.reason(), origin(), projectOf(change)));
    }

    /** The change's project: named by the change, or else its source's; null for workbench-wide changes. */
    private Long projectOf(Change change) {
        if (change.projectId() != null) {
            return change.projectId();
        }
        return change.sourceId() == null ? null : sourceProjects.projectOf(change.sourceId()).orElse(null);
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    /**
     * Where the request came from: the API or the UI, and the client's address, then the API token it
     * signed in with, if any ({@code api 127.0.0.1 token 12}); start-up work has none.
     */
    private static String origin() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "system";
        }
        HttpServletRequest request = attributes.getRequest();
        String channel = request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? "api" : "ui";
        Object token = request.getAttribute(CurrentActor.API_TOKEN_ATTRIBUTE);
        return channel + " " + request.getRemoteAddr() + (token == null ? "" : " token " + token);
    }
}
