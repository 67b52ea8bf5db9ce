package org.corroborate.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.persistence.OptimisticLockException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.corroborate.base.Busy;
import org.corroborate.base.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a person sees when a button, a grid action or a live update fails: one error notification,
 * worded by what went wrong. Vaadin hands this handler whatever a UI event listener or a
 * {@code UI.access} task throws, so views catch only what they handle in place (a message in a
 * form, a field put back) and leave the rest here.
 *
 * <ul>
 *   <li>{@link AccessDeniedException}: the service's own message, or "You may not do this."</li>
 *   <li>{@link WorkbenchException} (including a stale annotation): its message, written for a person.</li>
 *   <li>an optimistic-lock conflict: someone else changed it; reload.</li>
 *   <li>a lock timeout or deadlock ({@link Busy}): the workbench is busy; nothing changed, try again.</li>
 *   <li>anything else: a generic message with an id, and the exception logged under that id.</li>
 * </ul>
 */
public class SessionErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionErrorHandler.class);
    static final String DENIED = "You may not do this: your account lacks the permission it needs.";
    static final String CONFLICT = "Someone else changed this in the meantime. Reload the page to see "
            + "their version, then try again.";

    private final DefaultErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void error(ErrorEvent event) {
        if (UI.getCurrent() == null) {
            fallback.error(event); // no page to tell: Vaadin's own logging
            return;
        }
        Notifications.error(messageFor(event.getThrowable()));
    }

    /** The message for a failure, looking through wrappers to the first cause it knows; logs the unexpected. */
    static String messageFor(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException denied) {
                String message = denied.getMessage();
                return message == null || message.isBlank() || message.startsWith("Access Denied") ? DENIED : message;
            }
            if (cause instanceof WorkbenchException known) {
                return known.getMessage();
            }
            if (cause instanceof OptimisticLockingFailureException || cause instanceof OptimisticLockException) {
                return CONFLICT;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (Busy.isBusy(thrown)) {
            log.warn("Busy: a UI action waited too long for a database lock ({})", thrown.toString());
            return Busy.MESSAGE;
        }
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        log.error("Unexpected error {} in the UI", id, thrown);
        return "Something went wrong on our side. If it happens again, tell an administrator: error " + id + ".";
    }

    /** Installs the handler in every new Vaadin session. */
    @Component
    static class Installer implements VaadinServiceInitListener {

        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new SessionErrorHandler()));
        }
    }
}
