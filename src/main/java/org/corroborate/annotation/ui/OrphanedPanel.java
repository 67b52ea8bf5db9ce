package org.corroborate.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.scheme.LabelScheme;

/**
 * The annotations a new version of the source orphaned (their quote was not found in the new text):
 * each with its label, its old place (code points in the version it was made on) and quote, and
 * "Re-anchor to selection", an ordinary span update onto the text selected now, after which it is
 * anchored again and leaves the list.
 */
class OrphanedPanel extends Div {

    private final LabelScheme scheme;
    private final Supplier<List<AnnotationDetails>> orphans;
    private final Consumer<AnnotationDetails> reanchor;
    private final Div list = new Div();
    private int count;

    /**
     * @param orphans  reads the source's orphaned annotations the viewer sees
     * @param reanchor moves one onto the text selected (and refreshes this panel afterwards)
     */
    OrphanedPanel(LabelScheme scheme, Supplier<List<AnnotationDetails>> orphans, Consumer<AnnotationDetails> reanchor) {
        this.scheme = scheme;
        this.orphans = orphans;
        this.reanchor = reanchor;
        setId("orphaned");
        addClassName("cb-orphans");
        list.setId("orphaned-list");
        list.getElement().setAttribute("role", "list");
        Paragraph help = new Paragraph("A new version of the text did not contain these annotations' quotes. Select "
                + "the text each one should cover now, then press its \"Re-anchor to selection\".");
        help.addClassName("cb-muted");
        add(new H3("Orphaned annotations"), help, list);
        refresh();
    }

    /** How many orphans were listed at the last refresh. */
    int count() {
        return count;
    }

    /** Reads the orphans again and lists them (or says there are none). */
    void refresh() {
        List<AnnotationDetails> found = orphans.get();
        count = found.size();
        list.removeAll();
        if (found.isEmpty()) {
            Span none = new Span("No orphaned annotations: every annotation is anchored in the current text.");
            none.addClassName("cb-muted");
            list.add(none);
            return;
        }
        for (AnnotationDetails orphan : found) {
            Span label = new Span(scheme.titleOf(orphan.label()) + " by " + orphan.author()
                    + " · was at " + orphan.start() + "–" + orphan.end());
            Span quote = new Span("“" + orphan.text() + "”");
            quote.addClassName("cb-orphan-quote");
            Button button = new Button("Re-anchor to selection", e -> reanchor.accept(orphan));
            button.setId("reanchor-" + orphan.id());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("aria-label", "Re-anchor “" + orphan.text() + "” to the selected text");
            Div entry = new Div(label, quote, button);
            entry.addClassName("cb-orphan");
            entry.getElement().setAttribute("role", "listitem");
            list.add(entry);
        }
    }
}
