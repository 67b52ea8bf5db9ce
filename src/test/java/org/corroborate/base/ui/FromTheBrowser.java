package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;

/**
 * Runs a UI event in a browserless test the way Vaadin runs one that comes from the browser.
 * Flow's {@code ServerRpcHandler} hands whatever a listener throws to the session's error handler;
 * browserless testers call the listener directly, so here the same hand-over is made explicit.
 */
public final class FromTheBrowser {

    private FromTheBrowser() {}

    /** Runs the event; what it throws goes to the session's error handler, which must be ours. */
    public static void run(Runnable event) {
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(SessionErrorHandler.class);
        try {
            event.run();
        } catch (RuntimeException thrown) {
            VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(thrown));
        }
    }
}
