package org.corroborate.annotation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.scheme.LabelScheme;

/** The source's annotations as a list: filter by label and reviewer, counts per label, click to jump. */
class AnnotationList extends VerticalLayout {

    private static final String ALL = "";

    private final LabelScheme scheme;
    private final Grid<AnnotationDetails> grid = new Grid<>();
    private final Select<String> label = new Select<>();
    private final Select<String> reviewer = new Select<>();
    private final Span counts = new Span();
    private List<AnnotationDetails> all = List.of();

    AnnotationList(LabelScheme scheme, Consumer<AnnotationDetails> onPick) {
        this.scheme = scheme;
        setPadding(false);
        setSizeFull();
        label.setId("list-label");
        label.setLabel("Label");
        label.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(ALL),
                scheme.labels().stream().map(LabelScheme.Label::name)).toList());
        label.setItemLabelGenerator(v -> v.isEmpty() ? "All labels" : v);
        label.setValue(ALL);
        reviewer.setId("list-reviewer");
        reviewer.setLabel("Reviewer");
        reviewer.setItemLabelGenerator(v -> v.isEmpty() ? "Everyone shown" : v);
        label.addValueChangeListener(e -> refresh());
        reviewer.addValueChangeListener(e -> refresh());
        counts.setId("annotation-counts");
        counts.addClassName("cb-muted");

        grid.setId("annotation-list");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::chip).setHeader("Label").setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(a -> a.text().length() > 80 ? a.text().substring(0, 79) + "…" : a.text())
                .setHeader("Text").setFlexGrow(1).setTooltipGenerator(AnnotationDetails::text);
        grid.addColumn(AnnotationDetails::author).setHeader("By").setWidth("5.5rem").setFlexGrow(0);
        grid.addItemClickListener(e -> onPick.accept(e.getItem()));
        grid.setEmptyStateText("No annotations shown.");
        HorizontalLayout filters = new HorizontalLayout(label, reviewer);
        filters.setWidthFull();
        add(filters, counts, grid);
    }

    /** Shows these annotations (already narrowed to what the viewer may and wants to see). */
    void setAnnotations(Collection<AnnotationDetails> annotations) {
        all = List.copyOf(annotations);
        String chosen = reviewer.getValue();
        TreeSet<String> authors = all.stream().map(AnnotationDetails::author).collect(Collectors.toCollection(TreeSet::new));
        List<String> options = new java.util.ArrayList<>(List.of(ALL));
        options.addAll(authors);
        reviewer.setItems(options);
        reviewer.setValue(chosen != null && options.contains(chosen) ? chosen : ALL);
        refresh();
    }

    void select(AnnotationDetails annotation) {
        if (annotation == null) {
            grid.deselectAll();
        } else {
            grid.select(annotation);
        }
    }

    private void refresh() {
        String l = label.getValue() == null ? ALL : label.getValue();
        String r = reviewer.getValue() == null ? ALL : reviewer.getValue();
        List<AnnotationDetails> shown = all.stream()
                .filter(a -> l.isEmpty() || a.label().equals(l))
                .filter(a -> r.isEmpty() || a.author().equals(r))
                .toList();
        grid.setItems(shown);
        Map<String, Long> perLabel = new TreeMap<>();
        shown.forEach(a -> perLabel.merge(a.label(), 1L, Long::sum));
        counts.setText(shown.size() + (shown.size() == 1 ? " annotation" : " annotations")
                + (perLabel.isEmpty() ? "" : " · " + scheme.labels().stream()
                .map(LabelScheme.Label::name)
                .filter(perLabel::containsKey)
                .map(name -> name + " " + perLabel.get(name))
                .collect(Collectors.joining(" · "))));
    }

    private Div chip(AnnotationDetails annotation) {
        Span chip = new Span(annotation.label());
        chip.addClassName("cb-label-chip");
        chip.getStyle().set("--cb-label-color",
                scheme.label(annotation.label()).map(LabelScheme.Label::color).orElse("#666"));
        return new Div(chip);
    }
}
