package org.corroborate.source.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * One file's line in the import dialog while its text is being read: its name and a progress bar,
 * indeterminate until the extraction tells pages done of the total (a PDF), then filled.
 */
class ExtractionBar extends Div {

    /** Pages read so far of the document's total (0 while unknown or for formats without pages). */
    @FunctionalInterface
    interface Progress {
        void pages(int done, int total);
    }

    private final String fileName;
    private final Span caption = new Span();
    private final ProgressBar bar = new ProgressBar();

    ExtractionBar(String fileName) {
        this.fileName = fileName;
        addClassName("cb-import-progress");
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", "Reading " + fileName);
        caption.setText("Reading " + fileName + "…");
        caption.getElement().setAttribute("role", "status");
        add(caption, bar);
    }

    /** Shows pages done of the total; called on the UI's thread. */
    void show(int done, int total) {
        if (total <= 0) {
            return;
        }
        bar.setIndeterminate(false);
        bar.setMax(total);
        bar.setValue(Math.min(done, total));
        caption.setText("Reading " + fileName + ": page " + done + " of " + total);
    }

    /** A progress for the extracting thread: hands each figure to this bar through {@code ui}. */
    Progress progress(UI ui) {
        return (done, total) -> ui.access(() -> show(done, total));
    }
}
