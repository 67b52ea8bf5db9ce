package org.corroborate.annotation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.scheme.LabelScheme;

/**
 * The Annotation tab in the Gold view: the selected gold span, read-only, with its label, text,
 * attributes by the scheme's titles, note, and who decided it and why.
 */
class GoldPanel extends Div {

    private final LabelScheme scheme;

    GoldPanel(LabelScheme scheme) {
        this.scheme = scheme;
        setId("gold-panel");
        addClassName("cb-gold-panel");
        setVisible(false);
    }

    void show(GoldMark mark) {
        removeAll();
        LabelScheme.Label label = scheme.label(mark.label()).orElse(null);
        H3 heading = new H3("Gold span");
        Paragraph what = new Paragraph(new LabelChip(mark.label(), scheme.titleOf(mark.label()), label == null ? null : label.color()),
                new Span(" “" + mark.text() + "” (" + mark.start() + "–" + mark.end() + ")"));
        Div fields = new Div();
        fields.addClassName("cb-fields-block");
        // In the scheme's order, by its titles; values the label does not declare (any more) by their names.
        if (label != null) {
            label.attributes().stream().filter(a -> mark.attributes().get(a.name()) != null)
                    .forEach(a -> fields.add(new Paragraph(a.title() + ": " + mark.attributes().get(a.name()))));
        }
        mark.attributes().forEach((name, value) -> {
            if (label == null || label.attribute(name).isEmpty()) {
                fields.add(new Paragraph(name + ": " + value));
            }
        });
        if (mark.note() != null) {
            fields.add(new Paragraph("Note: " + mark.note()));
        }
        Paragraph why = new Paragraph("Decided by " + mark.decidedBy() + ": " + mark.reason());
        why.setId("gold-reason");
        Paragraph readOnly = new Paragraph("The gold layer is read-only here; supervisors change it in curation.");
        readOnly.addClassName("cb-muted");
        add(heading, what, fields, why, readOnly);
        setVisible(true);
    }

    /** The Gold view with no gold span selected: what to do, or that there is no gold yet. */
    void prompt(boolean anyGold) {
        removeAll();
        Paragraph hint = new Paragraph(anyGold ? "Click a gold span to read who decided it and why. The gold "
                + "layer is read-only: choose Mine or Everyone's to annotate."
                : "This source has no gold spans yet (or none you may see before you submit it).");
        hint.addClassName("cb-muted");
        add(hint);
        setVisible(true);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }
}
