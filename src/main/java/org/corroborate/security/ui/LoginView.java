package org.corroborate.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinServletRequest;
import org.corroborate.base.WorkbenchProperties;
import org.corroborate.security.SignInThrottledException;
import org.springframework.security.web.WebAttributes;

/** Sign-in page; in demo mode it names the demo accounts. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Corroborate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(WorkbenchProperties properties) {
        addClassName("cb-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1("Corroborate");
        Paragraph tagline = new Paragraph("Annotation and provenance review workbench");
        tagline.addClassName("cb-tagline");

        i18n.getForm().setTitle("Sign in");
        wrongPassword();
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        add(title, tagline, form);

        if (properties.demo()) {
            Div hint = new Div();
            hint.setId("demo-hint");
            hint.addClassName("cb-demo-hint");
            hint.add(new Paragraph("Demo mode. Sign in as alice, bob or carol (reviewers), sam (supervisor) or "
                    + "admin, each with the password \"demo\"."));
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (error && lastFailure() instanceof SignInThrottledException throttled) {
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("Sign-in is paused for this account or this computer after several "
                    + "wrong passwords. Wait " + SignInThrottledException.describe(throttled.retryAfter())
                    + ", then try again. Forgotten your password? An administrator can reset it.");
        } else {
            wrongPassword();
        }
        form.setI18n(i18n);
        form.setError(error);
    }

    private void wrongPassword() {
        i18n.getErrorMessage().setTitle("Wrong username or password");
        i18n.getErrorMessage().setMessage("Check them and try again. Disabled accounts cannot sign in; "
                + "after several failures sign-in pauses for a while.");
    }

    /** Why the last sign-in failed: Spring Security keeps it in the session for the login page. */
    private static Object lastFailure() {
        var request = VaadinServletRequest.getCurrent();
        var session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
