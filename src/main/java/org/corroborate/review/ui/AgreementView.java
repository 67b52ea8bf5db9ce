package org.corroborate.review.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The agreement dashboard of the current project: for a chosen measure, a reviewer-by-reviewer heat
 * map (pairwise measures) or the overall figure, per-label bars, and the measure's scope rule beside
 * them ("—" where a figure is undefined); each source's agreement in a sortable table. A heat map cell
 * lists that pair's disagreements; a source row lists the reviewers who took part in it and compares
 * any pair of them, or all. Every disagreement links to its place in the text and in curation. The measures offered and the table's columns are those the measures declare
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
        chart.addCellClickListener(e -> openDisagreements(List.of(), List.of(e.first(), e.second()), "all sources"));

        Grid<SourceAgreement> table = new Grid<>();
        table.setId("agreement-sources");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addColumn(SourceAgreement::title).setHeader("Source").setFlexGrow(3).setSortable(true);
        table.addColumn(SourceAgreement::annotations).setHeader("Annotations").setWidth("8rem").setFlexGrow(0)
                .setSortable(true);
        List<Grid.Column<SourceAgreement>> figureColumns = new ArrayList<>();
        for (MeasureDefinition m : measures.stream().filter(MeasureDefinition::inSourceTable).toList()) {
            Span header = new Span(m.title());
            Tooltip.forComponent(header).withText(m.explanation() + " " + m.scope() + " — means no figure.");
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
        table.addItemClickListener(e -> openSource(e.getItem()));
        table.setHeight("18rem");
        add(top, figures, chart, new H4("Sources, least agreement first"), table,
                new ClaimAgreementSection(agreement.claimMembership(projectId)));
        draw();
    }

    private void draw() {
        MeasureDefinition chosen = measure.getValue();
        if (chosen == null) {
            return;
        }
        measure.setTooltipText(chosen.explanation() + " " + chosen.scope());
        MeasureResult result = report.measures().stream().filter(m -> m.measure().equals(chosen.id()))
                .findFirst().orElseThrow();
        List<String> reviewers = chosen.pairwise() ? report.reviewers() : List.of();
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
        chart.show(result.title(), result.overall(), result.scope(), chosen.range().min(),
                new AgreementChart.Matrix(reviewers, values),
                new AgreementChart.Bars(labels.stream().map(scheme::titleOf).toList(), labels.stream().map(l -> scheme.label(l).map(LabelScheme.Label::color)
                        .orElse(LabelChip.UNKNOWN_COLOR)).toList(),
                        labels.stream().map(l -> result.perLabel().get(l)).toList()));
        figures.setText(String.format(Locale.ROOT, "%s overall: %s · %d reviewers, %,d annotations · "
                        + "%s of annotated positions labelled by only some of their source's reviewers. %s",
                result.title(),
                format(result.overall()), report.reviewers().size(), report.annotations(),
                report.incompleteShare() == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * report.incompleteShare()),
                result.incomplete()));
    }

    /** A source's row: who took part in it, and a choice of any pair of them, or all, to compare. */
    private void openSource(SourceAgreement row) {
        Dialog dialog = new Dialog();
        dialog.setId("source-agreement");
        dialog.setHeaderTitle(row.title());
        dialog.setWidth("min(64rem, 96vw)");
        List<String> who = row.reviewers();
        Div found = new Div();
        found.setId("source-disagreements");
        if (who.size() < 2) {
            dialog.add(new Paragraph(who.isEmpty() ? "Nobody took part in this source yet."
                    : "Only " + who.getFirst() + " took part in this source: there is no one to compare."));
        } else {
            Paragraph participants = new Paragraph("Took part: " + String.join(", ", who)
                    + " (those assigned, or where nobody is, those who submitted; and anyone who annotated).");
            participants.setId("source-participants");
            participants.addClassName("cb-muted");
            List<List<String>> choices = new ArrayList<>();
            if (who.size() > 2) {
                choices.add(who);
            }
            for (int i = 0; i < who.size(); i++) {
                for (int j = i + 1; j < who.size(); j++) {
                    choices.add(List.of(who.get(i), who.get(j)));
                }
            }
            Select<List<String>> compare = new Select<>();
            compare.setId("source-pair");
            compare.setLabel("Compare");
            compare.setItems(choices);
            compare.setItemLabelGenerator(c -> c.size() == 2 ? c.get(0) + " and " + c.get(1)
                    : "All " + c.size() + " reviewers");
            compare.addValueChangeListener(e -> {
                found.removeAll();
                showDisagreements(found, agreement.disagreements(projectId, List.of(row.sourceId()), e.getValue(), 200));
            });
            dialog.add(participants, compare, found);
            compare.setValue(choices.getFirst());
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void openDisagreements(List<Long> sources, List<String> reviewers, String about) {
        Dialog dialog = new Dialog();
        dialog.setId("disagreements");
        dialog.setHeaderTitle("Disagreements: " + about + " (" + String.join(" and ", reviewers) + ")");
        dialog.setWidth("min(64rem, 96vw)");
        Div found = new Div();
        showDisagreements(found, agreement.disagreements(projectId, sources, reviewers, 200));
        dialog.add(found);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /** Each disagreement with every compared reviewer's versions, and links to its place in the text and in curation. */
    private void showDisagreements(Div into, List<Disagreement> found) {
        if (found.isEmpty()) {
            into.add(new Paragraph("No disagreements: the reviewers compared made the same spans with the same labels."));
        }
        for (Disagreement d : found) {
            Div row = new Div();
            row.addClassName("cb-disagreement");
            d.versions().forEach((reviewer, versions) -> row.add(side(reviewer, versions)));
            String label = d.versions().values().stream().flatMap(List::stream).map(Disagreement.Version::label)
                    .findFirst().orElse("");
            Anchor inText = new Anchor("sources/" + d.sourceId() + "?at=" + d.start() + "-" + d.end(), "Open in the text");
            inText.addClassName("cb-open-in-text");
            Anchor inCuration = new Anchor("curate/" + d.sourceId() + "?at=" + d.start() + "&label="
                    + URLEncoder.encode(label, StandardCharsets.UTF_8), "Open in curation");
            inCuration.addClassName("cb-open-in-curation");
            // Following a link leaves the dashboard: the dialog it was in goes with it.
            for (Anchor link : List.of(inText, inCuration)) {
                link.getElement().addEventListener("click", e -> {
                    Dialog open = link.findAncestor(Dialog.class);
                    if (open != null) {
                        open.close();
                    }
                });
            }
            Paragraph where = new Paragraph(d.sourceTitle() + " · " + d.start() + "–" + d.end() + ": “" + d.text() + "” ");
            where.addClassName("cb-muted");
            where.add(inText, new Span(" · "), inCuration);
            into.add(where, row);
        }
    }

    /** The scheme of the project being looked at. */
    private LabelScheme scheme() {
        return schemes.current(projectId);
    }

    private Div side(String reviewer, List<Disagreement.Version> versions) {
        Div side = new Div(new H4(reviewer));
        if (versions.isEmpty()) {
            side.add(new Span("no span here"));
        }
        for (Disagreement.Version v : versions) {
            side.add(new Div(new LabelChip(v.label(), schemes.current(projectId).titleOf(v.label()), schemes.current(projectId).colorOf(v.label())), new Span(" “" + v.text() + "” (" + v.start() + "–" + v.end() + ")")));
        }
        return side;
    }

    private static String format(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
