package org.corroborate.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "not allowed" page inside the frame, for a signed-in person opening a page their roles do not
 * open (a reviewer at {@code /progress}), whether Vaadin's navigation access control refused it or a
 * view did (with its own reason). The browser gets status 403; the services behind the page refuse
 * the data on their own, whatever the page shows.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotAllowedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    static final String GENERIC = "Your account may not open this page: it needs a role you do not hold.";

    public NotAllowedView() {
        super("not-allowed");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        // In production Vaadin gives no reason for its own refusals, so as not to reveal which pages exist.
        String reason = parameter.hasCustomMessage() && !parameter.getCustomMessage().isBlank()
                ? parameter.getCustomMessage() : GENERIC;
        show("Not allowed", reason, "If your work needs this page, ask a supervisor of your project or an administrator.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
