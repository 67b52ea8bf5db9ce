package org.corroborate.base.ui;

import com.vaadin.flow.component.html.Span;

/**
 * A small badge naming a state, the same wherever a state is shown: a reviewer's review state (in
 * the workspace toolbar and on the progress page) and a source's blind mode (in the library and
 * the workspace). The {@code data-state} attribute picks its colour in styles.css.
 */
public final class StateBadge extends Span {

    /** The state of blind mode: reviewers see colleagues' work only after they submit. */
    public static final String BLIND = "BLIND";

    /**
     * @param state the state's constant, such as {@code SUBMITTED} or {@link #BLIND}; styles key on it
     * @param text  what people read, such as "Submitted"
     */
    public StateBadge(String state, String text) {
        super(text);
        addClassName("cb-state-badge");
        show(state, text);
    }

    /** Shows another state in the same badge (a submission in the open workspace, say). */
    public void show(String state, String text) {
        setText(text);
        getElement().setAttribute("data-state", state);
    }

    /** Blind mode's badge ("Blind", say), with a tooltip saying what it means for the reader (or null). */
    public static StateBadge blindMode(String text, String tooltip) {
        StateBadge badge = new StateBadge(BLIND, text);
        if (tooltip != null) {
            badge.getElement().setAttribute("title", tooltip);
        }
        return badge;
    }
}
