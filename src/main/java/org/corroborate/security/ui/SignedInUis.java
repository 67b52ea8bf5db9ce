package org.corroborate.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.corroborate.security.SessionsEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * The UI sessions open on this node, so that when a person's sessions end ({@link SessionsEnded}: their
 * account was disabled, its roles changed, its password reset, on any node) every page they have open
 * here is sent to the sign-in page at once and its session is invalidated: nothing more is done in their
 * name, even from a page left open, and they sign in again with what they may now do.
 */
@Component
class SignedInUis implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SignedInUis.class);
    private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    private final Set<VaadinSession> open = ConcurrentHashMap.newKeySet();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> open.add(init.getSession()));
        event.getSource().addSessionDestroyListener(destroy -> open.remove(destroy.getSession()));
    }

    @EventListener
    void sessionsEnded(SessionsEnded ended) {
        for (VaadinSession session : open) {
            if (ended.username().equals(usernameOf(session))) {
                close(session);
            }
        }
    }

    private static String usernameOf(VaadinSession session) {
        try {
            WrappedSession http = session.getSession();
            if (http != null && http.getAttribute(SECURITY_CONTEXT) instanceof SecurityContext context
                    && context.getAuthentication() != null) {
                return context.getAuthentication().getName();
            }
        } catch (IllegalStateException invalidated) {
            // the session ended meanwhile
        }
        return null;
    }

    private void close(VaadinSession session) {
        open.remove(session);
        session.access(() -> {
            session.getUIs().forEach(ui -> {
                ui.getPage().setLocation("login");
                try {
                    ui.push();
                } catch (RuntimeException e) {
                    log.debug("Could not push the sign-out to a UI: {}", e.toString());
                }
            });
            WrappedSession http = session.getSession();
            if (http == null) {
                return; // the HTTP session ended meanwhile: nothing left to invalidate
            }
            try {
                http.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
        });
    }
}
