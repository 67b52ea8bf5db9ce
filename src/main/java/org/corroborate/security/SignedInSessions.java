package org.corroborate.security;

import org.corroborate.base.cluster.ClusterBus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The browser sessions signed in per account, so that disabling an account, changing its roles or
 * resetting its password ends them on every node: the person signs in again with what they may now do.
 * Each node ends its own sessions (Spring's {@link SessionRegistry}) and announces {@link SessionsEnded},
 * on which its open UIs close; the other nodes hear it over the cluster bus (topic {@value #TOPIC}) once
 * the change commits, and do the same.
 */
@Component
class SignedInSessions {

    /** The bus topic: the username whose sessions end. */
    static final String TOPIC = "account.sessions";

    /** What travels between nodes. */
    record Ended(String username) {}

    private final SessionRegistry registry;
    private final ClusterBus bus;
    private final ApplicationEventPublisher events;

    SignedInSessions(SessionRegistry registry, ClusterBus bus, ApplicationEventPublisher events) {
        this.registry = registry;
        this.bus = bus;
        this.events = events;
        bus.subscribe(TOPIC, Ended.class, message -> endHere(message.payload().username()));
    }

    /** Ends the person's sessions on this node now, and on the others when the current transaction commits. */
    void end(String username) {
        endHere(username);
        bus.publish(TOPIC, new Ended(username));
    }

    private void endHere(String username) {
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails user && user.getUsername().equals(username)
                        || username.equals(String.valueOf(p)))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
        events.publishEvent(new SessionsEnded(username));
    }
}
