package org.corroborate.review.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.Roles;
import org.corroborate.project.ProjectService;
import org.corroborate.review.agreement.AgreementReport;
import org.corroborate.review.agreement.AgreementService;
import org.corroborate.review.agreement.Disagreement;
import org.corroborate.review.agreement.MeasureDefinition;
import org.corroborate.review.agreement.MeasureResult;
import org.corroborate.review.agreement.SourceAgreement;
import org.corroborate.project.ui.CurrentProject;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;

/**
 * The agreement dashboard of the current project: a reviewer-by-reviewer heat map and per-label bars for a chosen measure,
 * each source's agreement in a sortable table, and from any cell or row the disagreements behind it,
 * side by side. The measures offered and the table's columns are those the measures declare
 * ({@link MeasureDefinition#onDashboard()}, {@link MeasureDefinition#inSourceTable()}).
 */
@Route("agreement")
@PageTitle("Agreement · Corroborate")
@Menu(order = 60, title = "Agreement", icon = "vaadin:chart-grid")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class AgreementView extends VerticalLayout {

    private final AgreementService agreement;
    private final SchemeService schemes;
    private final long projectId;
    private final AgreementChart chart = new AgreementChart();
    private final Select<MeasureDefinition> measure = new Select<>();
    private final Span figures = new Span();
    private AgreementReport report;

    public AgreementView(AgreementService agreement, SchemeService schemes, ProjectService projects,
                         CurrentProject currentProject) {
        this.agreement = agreement;
        this.schemes = schemes;
        this.projectId = currentProject.id().orElse(0L);
        addClassName("cb-agreement");
        setSizeFull();
        if (!projects.mayRead(projectId) || !projects.oversees(projectId)) {
            // Agreement is a project's supervisors' view; a reviewer there sees why it is empty.
            Paragraph none = new Paragraph("You do not supervise the current project"
                    + currentProject.get().map(p -> " (" + p.name() + ")").orElse("")
                    + ", so its agreement figures are not yours to read. Switch to a project you supervise.");
            none.setId("agreement-not-overseer");
            add(new H2("Agreement"), none);
            return;
        }
        report = agreement.agreement(projectId, List.of());
        List<MeasureDefinition> measures = agreement.measures();

        List<MeasureDefinition> offered = measures.stream().filter(MeasureDefinition::onDashboard).toList();
        measure.setId("agreement-measure");
        measure.setLabel("Measure");
        measure.setItems(offered);
        measure.setItemLabelGenerator(MeasureDefinition::title);
        measure.setWidth("17rem");
        measure.setMaxWidth("100%");
        measure.addValueChangeListener(e -> draw());
        if (!offered.isEmpty()) {
            measure.setValue(offered.getFirst());
        }
        figures.setId("agreement-figures");
        figures.addClassName("cb-muted");
        HorizontalLayout top = new HorizontalLayout(new H2("Agreement"), measure);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);

        chart.setId("agreement-chart");
        chart.setWidthFull();
        chart.addCellClickListener(e -> openDisagreements(List.of(), e.first(), e.second(), "all sources"));

        Grid<SourceAgreement> table = new Grid<>();
        table.setId("agreement-sources");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addColumn(SourceAgreement::title).setHeader("Source").setFlexGrow(3).setSortable(true);
        table.addColumn(SourceAgreement::annotations).setHeader("Annotations").setWidth("8rem").setFlexGrow(0)
                .setSortable(true);
        List<Grid.Column<SourceAgreement>> figureColumns = new ArrayList<>();
        for (MeasureDefinition m : measures.stream().filter(MeasureDefinition::inSourceTable).toList()) {
            Span header = new Span(m.title());
            Tooltip.forComponent(header).withText(m.explanation());
            figureColumns.add(table.addColumn(s -> format(s.figure(m.id()))).setHeader(header).setKey(m.id())
                    .setComparator(Comparator.comparing((SourceAgreement s) -> s.figure(m.id()),
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .setAutoWidth(true).setFlexGrow(0));
        }
        table.addColumn(s -> s.incompleteShare() == null ? "—"
                : String.format(Locale.ROOT, "%.0f%%", 100 * s.incompleteShare())).setHeader("Incomplete")
                .setWidth("8rem").setFlexGrow(0);
        List<SourceAgreement> rows = agreement.perSource(projectId);
        table.setItems(rows);
        if (!figureColumns.isEmpty()) {
            // Least agreement first, by the first measure in the table.
            table.sort(List.of(new GridSortOrder<>(figureColumns.getFirst(), SortDirection.ASCENDING)));
        }
        table.addItemClickListener(e -> {
            if (report.reviewers().size() >= 2) {
                openDisagreements(List.of(e.getItem().sourceId()), null, null, e.getItem().title());
            }
        });
        table.setHeight("18rem");
        add(top, figures, chart, new H4("Sources, least agreement first"), table);
        draw();
    }

    private void draw() {
        MeasureDefinition chosen = measure.getValue();
        if (chosen == null) {
            return;
        }
        measure.setTooltipText(chosen.explanation());
        MeasureResult result = report.measures().stream().filter(m -> m.measure().equals(chosen.id()))
                .findFirst().orElseThrow();
        List<String> reviewers = report.reviewers();
        List<List<Double>> values = new ArrayList<>();
        for (String row : reviewers) {
            List<Double> line = new ArrayList<>();
            for (String col : reviewers) {
                line.add(row.equals(col) ? null : result.pairs().stream()
                        .filter(p -> p.first().equals(row) && p.second().equals(col)
                                || p.first().equals(col) && p.second().equals(row))
                        .findFirst().map(MeasureResult.PairScore::value).orElse(null));
            }
            values.add(line);
        }
        // The scheme's labels first, then any the figures name that it lacks (made under an earlier version).
        LabelScheme scheme = scheme();
        List<String> labels = new ArrayList<>(scheme.labels().stream().map(LabelScheme.Label::name).toList());
        result.perLabel().keySet().stream().sorted().filter(l -> !labels.contains(l)).forEach(labels::add);
        chart.show(result.title(), new AgreementChart.Matrix(reviewers, values), new AgreementChart.Bars(
                labels, labels.stream().map(l -> scheme.label(l).map(LabelScheme.Label::color)
                        .orElse(LabelChip.UNKNOWN_COLOR)).toList(),
                labels.stream().map(l -> result.perLabel().get(l)).toList()));
        figures.setText(String.format(Locale.ROOT, "%s overall: %s · %d reviewers, %,d annotations · "
                        + "%s of annotated positions labelled by only some reviewers. %s", result.title(),
                format(result.overall()), reviewers.size(), report.annotations(),
                report.incompleteShare() == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * report.incompleteShare()),
                result.incomplete()));
    }

    private void openDisagreements(List<Long> sources, String first, String second, String about) {
        List<String> reviewers = report.reviewers();
        String a = first == null ? reviewers.get(0) : first;
        String b = second == null ? reviewers.get(1) : second;
        List<Disagreement> found = agreement.disagreements(projectId, sources, List.of(a, b), 200);
        Dialog dialog = new Dialog();
        dialog.setId("disagreements");
        dialog.setHeaderTitle("Disagreements: " + about + " (" + a + " and " + b + ")");
        dialog.setWidth("min(64rem, 96vw)");
        if (found.isEmpty()) {
            dialog.add(new Paragraph("No disagreements."));
        }
        for (Disagreement d : found) {
            Div row = new Div(side(a, d.versions().getOrDefault(a, List.of())), side(b, d.versions().getOrDefault(b, List.of())));
            row.addClassName("cb-disagreement");
            Paragraph where = new Paragraph(d.sourceTitle() + " · " + d.start() + "–" + d.end() + ": “" + d.text() + "”");
            where.addClassName("cb-muted");
            dialog.add(where, row);
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /** The scheme of the project being looked at. */
    private LabelScheme scheme() {
        return schemes.current(projectId);
    }

    private Div side(String reviewer, List<Disagreement.Version> versions) {
        Div side = new Div(new H4(reviewer));
        if (versions.isEmpty()) {
            side.add(new Span("nothing here"));
        }
        for (Disagreement.Version v : versions) {
            side.add(new Div(new LabelChip(v.label(), schemes.current(projectId).colorOf(v.label())), new Span(" “" + v.text() + "” (" + v.start() + "–" + v.end() + ")")));
        }
        return side;
    }

    private static String format(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
