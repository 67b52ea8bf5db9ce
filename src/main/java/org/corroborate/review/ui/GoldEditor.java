package org.corroborate.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.ui.AttributeForm;
import org.corroborate.annotation.ui.Highlight;
import org.corroborate.annotation.ui.SourceTextElement;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.review.adjudication.Unit;
import org.corroborate.scheme.LabelScheme;

/**
 * What curation's "Edit &amp; accept" asks for, in the dialog beside the reason: the gold span, chosen
 * by selecting it in the unit's context with the mouse or keyboard (the workspace's text component,
 * snapping to words as there; a label's hotkey picks the label too), the label, and the attributes in
 * the workspace's {@link AttributeForm}. Starts from one version of the unit.
 */
final class GoldEditor extends Div {

    private final LabelScheme scheme;
    private final AnnotationDetails version;
    private final int contextStart;
    private final String context;
    private final Select<String> label = new Select<>();
    private final SourceTextElement text = new SourceTextElement();
    private final Paragraph chosen = new Paragraph();
    private final AttributeForm attributes;
    private int start;
    private int end;

    /**
     * @param context      the text from {@code contextStart} on that the unit is shown in (code points)
     * @param suggestions  values already used for an attribute, by its name
     */
    GoldEditor(LabelScheme scheme, Unit unit, AnnotationDetails version, int contextStart, String context,
               java.util.function.Function<String, java.util.Collection<String>> suggestions) {
        this.scheme = scheme;
        this.version = version;
        this.contextStart = contextStart;
        this.context = context;
        this.start = version.start();
        this.end = version.end();
        addClassName("cb-gold-editor");
        setId("gold-editor");

        label.setLabel("Label");
        label.setId("gold-label");
        // Offered labels, and the version's own even if archived or unknown to the current scheme.
        List<String> labels = new ArrayList<>(scheme.offered().stream().map(LabelScheme.Label::name).toList());
        if (!labels.contains(version.label())) {
            labels.add(version.label());
        }
        label.setItems(labels);
        label.setItemLabelGenerator(name -> scheme.label(name).map(LabelScheme.Label::title).orElse(name));
        label.setValue(version.label());
        label.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                relabel(e.getValue());
            }
        });

        Paragraph hint = new Paragraph("Select the words the gold span covers, with the mouse or Shift+arrows; "
                + "the selection snaps to whole words as in the workspace. The versions are underlined.");
        hint.addClassName("cb-muted");
        text.setId("gold-text");
        text.addClassName("cb-gold-context");
        text.setText(context);
        text.setLabels(scheme.labels().stream().map(l -> new SourceTextElement.Label(l.name(), l.title(), l.color(),
                l.archived() ? null : l.hotkey())).toList());
        List<Highlight> marks = new ArrayList<>();
        for (AnnotationDetails v : unit.versions()) {
            marks.add(new Highlight("v" + v.id(), v.start() - contextStart, v.end() - contextStart, v.label(),
                    color(v.label()), false, v.author() + "'s version"));
        }
        marks.add(gold());
        text.setHighlights(marks);
        text.addSelectionListener(e -> {
            if (!e.isEmpty()) {
                choose(e.start(), e.end());
            }
        });
        text.addTagListener(e -> {
            choose(e.start(), e.end());
            label.setValue(e.label());
            relabel(e.label());
        });
        chosen.setId("gold-span");
        chosen.addClassName("cb-gold-chosen");
        attributes = new AttributeForm(scheme, suggestions);
        attributes.show(version.label(), version.attributes(), version.label(), version.attributes());
        attributes.setReadOnly(false);
        add(label, hint, text, chosen, attributes);
        describe();
    }

    /** The acceptance this editor describes, on the unit's annotations, with the reason given. */
    DecisionRequest request(java.util.Set<Long> unitIds, String reason) {
        return DecisionRequest.accept(unitIds, version.id(), reason).withSpan(start, end, label.getValue())
                .withDescription(attributes.values(), null);
    }

    private void choose(int from, int to) {
        start = contextStart + from;
        end = contextStart + to;
        text.upsert(gold());
        text.clearTextSelection();
        describe();
    }

    private void relabel(String name) {
        attributes.show(name, attributes.values(), version.label(), version.attributes());
        attributes.setReadOnly(false);
        text.upsert(gold());
    }

    private Highlight gold() {
        String name = label.getValue() == null ? version.label() : label.getValue();
        return new Highlight("gold", start - contextStart, end - contextStart, name, color(name), true,
                "The gold span");
    }

    private void describe() {
        String covered = context.substring(context.offsetByCodePoints(0, start - contextStart),
                context.offsetByCodePoints(0, end - contextStart));
        chosen.setText("Gold span: “" + covered + "” (" + start + "–" + end + ")");
    }

    private String color(String name) {
        String color = scheme.colorOf(name);
        return color == null ? LabelChip.UNKNOWN_COLOR : color;
    }
}
