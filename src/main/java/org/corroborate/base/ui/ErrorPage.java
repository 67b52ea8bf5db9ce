package org.corroborate.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The body of an error page inside the frame (a missing page, a refused one): a heading, what
 * happened in a sentence, what to do about it, and the ways back (the previous page, the library).
 * {@link NotFoundView} and {@link NotAllowedView} fill it in.
 */
public abstract class ErrorPage extends Div implements HasDynamicTitle {

    private final H2 heading = new H2();
    private final Paragraph what = new Paragraph();
    private final Paragraph hint = new Paragraph();

    protected ErrorPage(String id) {
        setId(id);
        addClassName("cb-error-page");
        heading.setId("error-heading");
        what.setId("error-message");
        hint.addClassName("cb-muted");
        Button back = new Button("Back", VaadinIcon.ARROW_LEFT.create(),
                e -> getElement().executeJs("history.back()"));
        back.setId("error-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor library = new Anchor("", "Go to the library");
        library.setId("error-library");
        library.getElement().setAttribute("router-link", true);
        Div actions = new Div(back, library);
        actions.addClassName("cb-error-actions");
        Div body = new Div(heading, what, hint, actions);
        body.addClassName("cb-error-body");
        add(body);
    }

    /** Shows this page's heading, what happened and what to do. */
    protected void show(String title, String message, String advice) {
        heading.setText(title);
        what.setText(message);
        hint.setText(advice);
    }

    @Override
    public String getPageTitle() {
        return heading.getText() + " · Corroborate";
    }
}
