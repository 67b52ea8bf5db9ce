package org.corroborate.annotation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import java.util.Optional;

/**
 * The project's annotation guidelines beside the text, shown and hidden by its {@link #toggle()}
 * button. Whether it is open is remembered in the browser (localStorage), so a reviewer who keeps
 * it open finds it open on the next source. Vaadin's {@link Markdown} sanitises what it renders:
 * guidelines are read, never run.
 */
class GuidelinesPanel extends Div {

    /** The browser's localStorage key for whether the panel is open ("open" or "closed"). */
    static final String STORAGE_KEY = "cb.workspace.guidelines";

    private final Button toggle = new Button("Guidelines", VaadinIcon.OPEN_BOOK.create());

    /** @param markdown the project's guidelines, or empty when it has none */
    GuidelinesPanel(Optional<String> markdown) {
        setId("workspace-guidelines");
        addClassName("cb-workspace-guidelines");
        H3 title = new H3("Guidelines");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> setOpen(false, true));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        close.setAriaLabel("Hide the guidelines");
        close.setId("close-guidelines");
        Div head = new Div(title, close);
        head.addClassName("cb-workspace-guidelines-head");
        add(head);
        markdown.ifPresentOrElse(text -> {
            Markdown rendered = new Markdown(text);
            rendered.addClassName("cb-guidelines");
            add(rendered);
        }, () -> {
            Span none = new Span("This project has no guidelines yet. Its supervisors write them on the Projects page.");
            none.addClassName("cb-muted");
            add(none);
        });
        toggle.setId("toggle-guidelines");
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setTooltipText("Show or hide the project's guidelines beside the text");
        toggle.getElement().setAttribute("aria-controls", "workspace-guidelines");
        toggle.addClickListener(e -> setOpen(!isVisible(), true));
        setOpen(false, false);
    }

    /** The button that shows and hides the panel, for the workspace's toolbar. */
    Button toggle() {
        return toggle;
    }

    /** Opens the panel if this browser last left it open. */
    void restore(UI ui) {
        ui.getPage().executeJs("return localStorage.getItem($0)", STORAGE_KEY)
                .then(String.class, stored -> setOpen("open".equals(stored), false));
    }

    /** Shows or hides the panel; {@code remember} stores the choice in the browser. */
    void setOpen(boolean open, boolean remember) {
        setVisible(open);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        toggle.getElement().setAttribute("aria-pressed", String.valueOf(open));
        if (remember) {
            getUI().ifPresent(ui -> ui.getPage().executeJs("localStorage.setItem($0, $1)", STORAGE_KEY,
                    open ? "open" : "closed"));
        }
    }
}
