package org.corroborate.annotation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.corroborate.source.ui.Pages;

/**
 * The workspace's status line for a paged source: the page of the caret ("Page 3 of 12") and of the
 * selected annotation. Hidden for a text without pages. Offsets are code points.
 */
class PageStatus extends Div {

    private final Pages pages;
    private final Span caret = new Span();
    private final Span selected = new Span();

    PageStatus(Pages pages) {
        this.pages = pages;
        setId("page-status");
        addClassName("cb-page-status");
        caret.setId("caret-page");
        selected.setId("selected-page");
        add(caret, selected);
        setVisible(pages.paged());
        caretOn(1);
    }

    /** The caret is on {@code page} (from 1). */
    void caretOn(int page) {
        caret.setText("Caret on page " + page + " of " + pages.count());
    }

    /** The annotation selected spans [start, end); null clears. */
    void selected(Integer start, Integer end) {
        selected.setText(start == null ? "" : " · Selected annotation on " + pages.cite(start, end));
    }
}
