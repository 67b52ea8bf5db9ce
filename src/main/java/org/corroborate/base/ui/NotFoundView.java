package org.corroborate.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The 404 page inside the frame: an address that is no page ({@code /no-such-page}), an id that does
 * not parse ({@code /sources/abc}) or names nothing the person may read ({@link NoSuchObject}). The
 * browser gets status 404.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        if (parameter.getCaughtException() instanceof NoSuchObject missing) {
            show(missing.heading(), missing.getMessage(),
                    "It may have been deleted, or it belongs to a project you are not a member of.");
        } else {
            show("Page not found", "There is no page at /" + event.getLocation().getPath() + ".",
                    "Check the address, or go back to where you were.");
        }
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
