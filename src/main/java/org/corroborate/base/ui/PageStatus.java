package org.corroborate.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The HTTP status of the page itself for an address that is no route ({@code /no-such-page},
 * {@code /sources/abc}): 404. Vaadin answers the page with 200 and renders the view in a request
 * after it, where {@link NotFoundView} sets its status; the browser (and a link checker) should see
 * the 404 on the page. (Vaadin's {@code eagerServerLoad} would render the first view with the page and
 * give every error page its status, but it raced with the sign-in form: a password typed or filled in
 * before the page had started was cleared.) An id that names nothing ({@code /sources/999999}) and a
 * page a role may not open are known only once the view runs: their frames say so, with 200.
 */
@Component
class PageStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            VaadinRequest request = response.getVaadinRequest();
            String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
            if (request.getService().getRouter().resolveNavigationTarget(path, request.getParameterMap()).isEmpty()) {
                response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        });
    }
}
