package org.corroborate.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.relation.RelationDetails;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.scheme.LabelScheme;

/**
 * The relations of the annotation on show, under its editor: each with its type's title, its
 * direction and the other end's label and text (a button that shows that annotation), and Delete
 * where the viewer may; and Link…, which starts link mode in the text (as L does there). Ids:
 * {@code relations-panel}, {@code relation-list}, {@code relation-link}, {@code relation-N-delete}.
 */
final class RelationsPanel extends Div {

    private static final int SHOWN_CHARACTERS = 48;

    private final AnnotationDetails shown;
    private final LabelScheme scheme;
    private final LongFunction<Optional<AnnotationDetails>> annotation;
    private final Predicate<RelationDetails> mayDelete;
    private final BiConsumer<RelationDetails, String> delete;
    private final Consumer<Long> reveal;
    private final String viewer;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph("No relations yet.");

    /** {@code viewer} deletes their own relations at once, and (a supervisor) a colleague's with a reason. */
    RelationsPanel(AnnotationDetails shown, String viewer, boolean mayLink, LabelScheme scheme,
                   LongFunction<Optional<AnnotationDetails>> annotation, Predicate<RelationDetails> mayDelete,
                   BiConsumer<RelationDetails, String> delete, Runnable startLink, Consumer<Long> reveal) {
        this.shown = shown;
        this.viewer = viewer;
        this.scheme = scheme;
        this.annotation = annotation;
        this.mayDelete = mayDelete;
        this.delete = delete;
        this.reveal = reveal;
        setId("relations-panel");
        addClassName("cb-relations-panel");
        H3 heading = new H3("Relations");
        heading.setId("relations-heading");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "relations-heading");
        list.setId("relation-list");
        list.addClassName("cb-relation-list");
        empty.addClassName("cb-hint");
        add(heading, list, empty);
        if (mayLink) {
            Button link = new Button("Link…", VaadinIcon.CONNECT.create(), e -> startLink.run());
            link.setId("relation-link");
            link.addThemeVariants(ButtonVariant.LUMO_SMALL);
            link.setTooltipText("Link this annotation to another: click it in the text, or reach it with ] / [ and "
                    + "press Enter (L in the text does the same); Esc cancels");
            add(link);
        }
    }

    AnnotationDetails annotation() {
        return shown;
    }

    /** Shows these relations of the annotation (those that start or end at it). */
    void show(List<RelationDetails> relations) {
        list.removeAll();
        empty.setVisible(relations.isEmpty());
        for (RelationDetails relation : relations) {
            boolean outgoing = relation.from() == shown.id();
            long otherId = outgoing ? relation.to() : relation.from();
            String title = scheme.relationTitleOf(relation.type());
            String other = annotation.apply(otherId).map(this::describe).orElse("annotation " + otherId);
            ListItem item = new ListItem();
            item.addClassName("cb-relation");
            Span type = new Span(title);
            type.addClassName("cb-relation-type");
            Button end = new Button(other, e -> reveal.accept(otherId));
            end.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            end.addClassName("cb-relation-end");
            end.setTooltipText("Show this annotation in the text");
            Span arrow = new Span(outgoing ? "→" : "←");
            arrow.getElement().setAttribute("aria-label", outgoing ? "to" : "from");
            item.add(type, arrow, end);
            if (mayDelete.test(relation)) {
                String what = "relation " + title + (outgoing ? " to " : " from ") + other;
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    if (relation.author().equals(viewer)) {
                        delete.accept(relation, null);
                    } else {
                        new ReasonDialog("Delete " + relation.author() + "'s " + what, "Delete",
                                reason -> delete.accept(relation, reason)).setDestructive().open();
                    }
                });
                remove.setId("relation-" + relation.id() + "-delete");
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel("Delete " + what);
                remove.setTooltipText("Delete this relation");
                item.add(remove);
            }
            list.add(item);
        }
    }

    private String describe(AnnotationDetails other) {
        String text = other.text().length() > SHOWN_CHARACTERS
                ? other.text().substring(0, SHOWN_CHARACTERS - 1) + "…" : other.text();
        return scheme.titleOf(other.label()) + " “" + text + "”";
    }
}
