package org.corroborate.annotation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.corroborate.source.ui.Pages;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.PersonMark;
import org.corroborate.scheme.LabelScheme;

/**
 * The source's annotations as a list: filter by label, author, attribute (and a part of its value)
 * and words of the text or note; sort by position, label, author or last change; each entry shows the
 * label, the offsets (code points, start–end), the author's mark, the full covered text and the
 * attribute values; a click jumps to the span in the text. The grid draws only the rows in view, so
 * thousands of annotations stay quick. What it lists comes from {@link WorkspaceModel#listing()}.
 */
class AnnotationList extends VerticalLayout {

    /** One entry: label chip, offsets, author badge, the covered text and the values, wrapping. */
    private static final String ENTRY = """
            <div class="cb-entry" data-id="${item.id}">
              <div class="cb-entry-head">
                <span class="cb-label-chip" style="--cb-label-color:${item.color};--cb-label-ink:${item.ink}">${item.label}</span>
                <span class="cb-entry-offsets" title="Code points, start–end">${item.offsets}</span>
                <span class="cb-entry-author"><span class="cb-person-badge" style="background:${item.personColor}"
                  >${item.initials}</span> ${item.author}</span>
              </div>
              <div class="cb-entry-text">${item.text}</div>
              <div class="cb-entry-values" ?hidden="${!item.values}">${item.values}</div>
            </div>""";

    private final LabelScheme scheme;
    private final Grid<AnnotationDetails> grid = new Grid<>();
    private final Select<String> label = new Select<>();
    private final Select<String> reviewer = new Select<>();
    private final Select<String> attribute = new Select<>();
    private final TextField value = new TextField();
    private final TextField text = new TextField();
    private final Select<AnnotationQuery.Order> order = new Select<>();
    private final Span counts = new Span();
    private final Consumer<AnnotationQuery> onQuery;
    private List<String> reviewers = List.of();
    private Pages pages = Pages.NONE;

    /** The source's pages: each entry then names its page ("p. 3") beside its offsets. */
    void setPages(Pages pages) {
        this.pages = pages;
    }

    /**
     * @param onPick  called with the annotation clicked
     * @param onQuery called with the filters and order chosen
     * @param marks   how a person is marked on this screen
     */
    AnnotationList(LabelScheme scheme, Consumer<AnnotationDetails> onPick, Consumer<AnnotationQuery> onQuery,
                   Function<String, PersonMark> marks) {
        this.scheme = scheme;
        this.onQuery = onQuery;
        setPadding(false);
        setSizeFull();
        addClassName("cb-annotation-list");
        label.setId("list-label");
        label.setLabel("Label");
        label.setItems(Stream.concat(Stream.of(WorkspaceModel.ALL),
                scheme.labels().stream().map(LabelScheme.Label::name)).toList());
        label.setItemLabelGenerator(v -> v.isEmpty() ? "All labels" : scheme.titleOf(v));
        label.setValue(WorkspaceModel.ALL);
        reviewer.setId("list-reviewer");
        reviewer.setLabel("Author");
        reviewer.setItemLabelGenerator(v -> v.isEmpty() ? "Everyone shown" : v);
        Map<String, String> attributes = attributeTitles(scheme);
        attribute.setId("list-attribute");
        attribute.setLabel("Attribute");
        attribute.setItems(Stream.concat(Stream.of(WorkspaceModel.ALL), attributes.keySet().stream()).toList());
        attribute.setItemLabelGenerator(v -> v.isEmpty() ? "Any attribute" : attributes.getOrDefault(v, v));
        attribute.setValue(WorkspaceModel.ALL);
        value.setId("list-value");
        value.setLabel("Value contains");
        value.setClearButtonVisible(true);
        text.setId("list-text");
        text.setLabel("Text or note contains");
        text.setClearButtonVisible(true);
        order.setId("list-order");
        order.setLabel("Sort by");
        order.setItems(AnnotationQuery.Order.values());
        order.setItemLabelGenerator(AnnotationQuery.Order::title);
        order.setValue(AnnotationQuery.Order.POSITION);
        for (TextField field : List.of(value, text)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> query());
        }
        for (Select<?> select : List.of(label, reviewer, attribute, order)) {
            select.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    query();
                }
            });
        }
        counts.setId("annotation-counts");
        counts.addClassName("cb-muted");

        grid.setId("annotation-list");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LitRenderer.<AnnotationDetails>of(ENTRY)
                .withProperty("id", AnnotationDetails::id)
                .withProperty("label", a -> scheme.titleOf(a.label()))
                .withProperty("color", a -> color(a.label()))
                .withProperty("ink", a -> LabelChip.inkOn(color(a.label())))
                .withProperty("offsets", a -> a.start() + "–" + a.end()
                        + (pages.paged() ? " · " + pages.cite(a.start(), a.end()) : ""))
                .withProperty("author", AnnotationDetails::author)
                .withProperty("initials", a -> marks.apply(a.author()).initials())
                .withProperty("personColor", a -> marks.apply(a.author()).color())
                .withProperty("text", AnnotationDetails::text)
                .withProperty("values", a -> values(a, attributes)))
                .setHeader("Annotations").setFlexGrow(1);
        grid.addItemClickListener(e -> onPick.accept(e.getItem()));
        grid.setEmptyStateText("No annotations shown.");
        FlexLayout filters = new FlexLayout(text, label, reviewer, attribute, value, order);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("cb-list-filters");
        filters.setWidthFull();
        add(filters, counts, grid);
    }

    /** Shows the rows, the reviewers to filter by and the counts as the model lists them. */
    void show(WorkspaceModel.Listing listing) {
        if (!listing.reviewers().equals(reviewers)) {
            reviewers = listing.reviewers();
            reviewer.setItems(reviewers);
        }
        reviewer.setValue(listing.reviewer());
        grid.setItems(listing.rows());
        counts.setText(listing.counts());
    }

    void select(AnnotationDetails annotation) {
        if (annotation == null) {
            grid.deselectAll();
        } else {
            grid.select(annotation);
        }
    }

    private void query() {
        onQuery.accept(new AnnotationQuery(label.getValue(), reviewer.getValue(), attribute.getValue(),
                value.getValue(), text.getValue(), order.getValue()));
    }

    private String color(String labelName) {
        String color = scheme.colorOf(labelName);
        return color != null && color.matches("#[0-9a-fA-F]{6}") ? color : LabelChip.UNKNOWN_COLOR;
    }

    /** Every attribute of the scheme by name, with its title (the first label's, where labels share one). */
    private static Map<String, String> attributeTitles(LabelScheme scheme) {
        Map<String, String> titles = new LinkedHashMap<>();
        scheme.labels().forEach(l -> l.attributes().forEach(a -> titles.putIfAbsent(a.name(), a.title())));
        return titles;
    }

    /** "Speaker: Zoë · Stance: denies", by the scheme's titles (undeclared attributes by name), and the note. */
    private static String values(AnnotationDetails a, Map<String, String> titles) {
        String values = a.attributes().entrySet().stream()
                .map(e -> titles.getOrDefault(e.getKey(), e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(" · "));
        if (a.note() != null && !a.note().isBlank()) {
            values = values.isEmpty() ? "Note: " + a.note() : values + " · Note: " + a.note();
        }
        return values;
    }
}
