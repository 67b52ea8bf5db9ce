package org.corroborate.annotation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.scheme.LabelScheme;

/**
 * The source's annotations as a list: filter by label and reviewer, counts per label, click to
 * jump. What it lists, and the filters' effect, come from {@link WorkspaceModel#listing()}.
 */
class AnnotationList extends VerticalLayout {

    private final LabelScheme scheme;
    private final Grid<AnnotationDetails> grid = new Grid<>();
    private final Select<String> label = new Select<>();
    private final Select<String> reviewer = new Select<>();
    private final Span counts = new Span();
    private List<String> reviewers = List.of();

    /**
     * @param onPick   called with the annotation clicked
     * @param onFilter called with the label and reviewer chosen ({@link WorkspaceModel#ALL} for any)
     */
    AnnotationList(LabelScheme scheme, Consumer<AnnotationDetails> onPick, BiConsumer<String, String> onFilter) {
        this.scheme = scheme;
        setPadding(false);
        setSizeFull();
        label.setId("list-label");
        label.setLabel("Label");
        label.setItems(Stream.concat(Stream.of(WorkspaceModel.ALL),
                scheme.labels().stream().map(LabelScheme.Label::name)).toList());
        label.setItemLabelGenerator(v -> v.isEmpty() ? "All labels" : scheme.titleOf(v));
        label.setValue(WorkspaceModel.ALL);
        reviewer.setId("list-reviewer");
        reviewer.setLabel("Reviewer");
        reviewer.setItemLabelGenerator(v -> v.isEmpty() ? "Everyone shown" : v);
        label.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onFilter.accept(label.getValue(), reviewer.getValue());
            }
        });
        reviewer.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onFilter.accept(label.getValue(), reviewer.getValue());
            }
        });
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

    private Div chip(AnnotationDetails annotation) {
        return new Div(new LabelChip(annotation.label(), scheme.titleOf(annotation.label()), scheme.colorOf(annotation.label())));
    }
}
