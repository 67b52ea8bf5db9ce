package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.ImportMark;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.project.ProjectService;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.Tally;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.review.adjudication.Unit;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;

/**
 * Curation of one source: every unit of overlapping annotations with its competing versions;
 * the supervisor accepts one into the gold layer or rejects the unit, with a reason, and accepts
 * the units everyone agrees on in one step.
 */
@Route("curate")
@RolesAllowed(Roles.SUPERVISOR)
public class CurationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final AdjudicationService adjudication;
    private final SourceService sources;
    private final SchemeService schemes;
    private final Grid<Unit> grid = new Grid<>();
    private final Span summary = new Span();
    private final AssessmentService assessments;
    private final ProjectService projects;
    private Map<Long, Tally> tallies = Map.of();
    private long sourceId;
    /** The scheme of the source's project; spans with labels it lacks are drawn in the unknown colour. */
    private LabelScheme scheme;
    private String title = "Curation";

    public CurationView(AdjudicationService adjudication, SourceService sources, SchemeService schemes,
                        AssessmentService assessments, ProjectService projects) {
        this.projects = projects;
        this.assessments = assessments;
        this.adjudication = adjudication;
        this.sources = sources;
        this.schemes = schemes;
        setSizeFull();
        addClassName("cb-curation");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        SourceSummary source;
        try {
            source = sources.summary(id);
        } catch (WorkbenchException e) {
            add(new H2("No such source"), new Span(e.getMessage()));
            return;
        }
        title = source.title();
        if (!projects.holds(source.project(), Role.SUPERVISOR)) {
            add(new H2("Curation: " + title), new Span("Only this project's supervisors adjudicate its sources."));
            return;
        }
        sourceId = id;
        scheme = schemes.current(sources.summary(id).project());
        Anchor back = new Anchor("sources/" + id, "← Workspace");
        back.getElement().setAttribute("router-link", true);
        H2 heading = new H2("Curation: " + title);
        summary.setId("curation-summary");
        summary.addClassName("cb-muted");
        Button agreed = new Button("Accept every agreed unit", e -> askReason("Accept every agreed unit", "Accept",
                "Every reviewer agreed.", reason -> {
                    int n = adjudication.acceptAgreed(sourceId, reason).size();
                    Notifications.success(n + (n == 1 ? " unit" : " units") + " accepted into gold.");
                }).open());
        agreed.setId("accept-agreed");
        agreed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout top = new HorizontalLayout(new Div(back, heading, summary), agreed);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.END);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.setId("units");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(u -> u.start() + "–" + u.end()).setHeader("Span").setWidth("7rem").setFlexGrow(0);
        grid.addComponentColumn(this::versions).setHeader("Competing versions").setFlexGrow(3);
        grid.addComponentColumn(this::decision).setHeader("Decision").setFlexGrow(2);
        grid.setSizeFull();
        add(top, grid);
        refresh();
    }

    private Component versions(Unit unit) {
        Div list = new Div();
        for (AnnotationDetails version : unit.versions()) {
            LabelChip chip = new LabelChip(version.label(), scheme.colorOf(version.label()));
            String attributes = version.attributes().isEmpty() ? "" : " " + version.attributes();
            Tally tally = tallies.get(version.id());
            Span what = new Span(" “" + version.text() + "” by " + version.author() + attributes
                    + (tally == null ? "" : " · " + tally));
            Button accept = new Button("Accept", e -> askReason("Accept " + version.author() + "'s " + version.label(),
                    "Accept", "", reason -> adjudication.decide(sourceId,
                            DecisionRequest.accept(ids(unit), version.id(), reason))).open());
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            accept.getElement().setAttribute("data-annotation", String.valueOf(version.id()));
            accept.addClassName("cb-accept");
            accept.setVisible(unit.decision() == null);
            Button edit = new Button("Edit & accept", e -> openEdit(unit, version));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("cb-edit-accept");
            edit.getElement().setAttribute("data-annotation", String.valueOf(version.id()));
            edit.setVisible(unit.decision() == null);
            Div line = new Div(chip, what, accept, edit);
            line.addClassName("cb-version");
            list.add(line);
        }
        if (unit.decision() == null) {
            Button reject = new Button("Reject all", e -> askReason("Reject this unit", "Reject", "", reason ->
                    adjudication.decide(sourceId, DecisionRequest.reject(ids(unit), reason))).setDestructive().open());
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            reject.addClassName("cb-reject");
            list.add(reject);
        }
        if (unit.agreed()) {
            Span agreed = new Span("All reviewers agree");
            agreed.addClassName("cb-muted");
            list.add(agreed);
        }
        return list;
    }

    private Component decision(Unit unit) {
        DecisionDetails decision = unit.decision();
        if (decision == null) {
            Span open = new Span("Open");
            open.addClassName("cb-muted");
            return open;
        }
        Div what = decision.outcome() == Outcome.ACCEPTED
                ? new Div(new Span("Gold: "), new LabelChip(decision.gold().label(),
                        scheme.colorOf(decision.gold().label())), new Span(" “" + decision.gold().text() + "”"))
                : new Div(new Span("Rejected"));
        Paragraph by = new Paragraph("by " + decision.decidedBy() + ": " + decision.reason());
        if (decision.imported() != null) {
            by.add(new ImportMark(decision.imported(), ""));
        }
        Div shown = new Div(what, by);
        shown.addClassName("cb-decision");
        return shown;
    }

    /** Accepts a version changed by the supervisor: other boundaries or label (merging the versions' reading). */
    private void openEdit(Unit unit, AnnotationDetails version) {
        Select<String> label = new Select<>();
        label.setLabel("Label");
        label.setId("gold-label");
        // Offered labels, and the version's own even if archived or unknown to the current scheme.
        List<String> labels = new ArrayList<>(scheme.offered().stream().map(l -> l.name()).toList());
        if (!labels.contains(version.label())) {
            labels.add(version.label());
        }
        label.setItems(labels);
        label.setValue(version.label());
        IntegerField start = new IntegerField("Start");
        start.setId("gold-start");
        start.setValue(version.start());
        IntegerField end = new IntegerField("End");
        end.setId("gold-end");
        end.setValue(version.end());
        // Three fields side by side overflowed the dialog: they wrap, and the offsets need little room.
        start.setWidth("7rem");
        end.setWidth("7rem");
        HorizontalLayout fields = new HorizontalLayout(label, start, end);
        fields.setWrap(true);
        fields.setId("gold-fields");
        Paragraph hint = new Paragraph("Offsets count characters (code points); the unit spans " + unit.start() + "–"
                + unit.end() + ".");
        hint.addClassName("cb-muted");
        askReason("Edit and accept into gold", "Accept", "", reason -> adjudication.decide(sourceId,
                DecisionRequest.accept(ids(unit), version.id(), reason)
                        .withSpan(start.getValue(), end.getValue(), label.getValue())))
                .addContent(fields, hint)
                .open();
    }

    private static Set<Long> ids(Unit unit) {
        return unit.versions().stream().map(AnnotationDetails::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A reason dialog for a decision: the decision runs with the reason, then the units are shown anew. */
    private ReasonDialog askReason(String title, String action, String initial, Consumer<String> decide) {
        return new ReasonDialog(title, action, reason -> {
            decide.accept(reason);
            refresh();
        }).setRequiredMessage("Every decision needs a reason.").setReason(initial);
    }

    private void refresh() {
        tallies = assessments.tallies(sourceId);
        List<Unit> units = adjudication.units(sourceId);
        grid.setItems(units);
        long open = units.stream().filter(u -> u.decision() == null).count();
        long agreed = units.stream().filter(u -> u.decision() == null && u.agreed()).count();
        summary.setText(units.size() + (units.size() == 1 ? " unit · " : " units · ") + open + " open · " + agreed
                + " of them agreed by everyone");
    }

    @Override
    public String getPageTitle() {
        return "Curation: " + title + " · Corroborate";
    }
}
