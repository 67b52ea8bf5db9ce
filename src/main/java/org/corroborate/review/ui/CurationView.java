package org.corroborate.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.NoSuchObject;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.project.ProjectService;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.review.adjudication.Unit;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;

/**
 * Curation of one source: every unit (the spans of one label at one place, see
 * {@code CurationUnits}) in its sentence with each reviewer's version underlined; the supervisor
 * accepts a version into the gold layer as it is or edited (span selected in the text, attributes in
 * the workspace's editor), or rejects the unit, always with a reason, and accepts the units everyone
 * agrees on in one step. {@code curate/ID?at=START&label=LABEL} opens the page scrolled to the first
 * unit of that label covering code point START.
 */
@Route("curate")
@RolesAllowed(Roles.SUPERVISOR)
public class CurationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final AdjudicationService adjudication;
    private final SourceService sources;
    private final SchemeService schemes;
    private final AssessmentService assessments;
    private final ProjectService projects;
    private final AnnotationService annotations;
    private final CurationUnitsElement list = new CurationUnitsElement();
    private final Span summary = new Span();
    private final Button acceptAgreed = new Button("Accept every agreed unit");
    private final Map<String, Unit> byKey = new LinkedHashMap<>();
    private long sourceId;
    private LabelScheme scheme;
    private CurationCards cards;
    private String title = "Curation";

    public CurationView(AdjudicationService adjudication, SourceService sources, SchemeService schemes,
                        AssessmentService assessments, ProjectService projects, AnnotationService annotations) {
        this.adjudication = adjudication;
        this.sources = sources;
        this.schemes = schemes;
        this.assessments = assessments;
        this.projects = projects;
        this.annotations = annotations;
        setSizeFull();
        addClassName("cb-curation");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        SourceDetails source;
        try {
            source = sources.get(id);
        } catch (WorkbenchException e) {
            event.rerouteToError(new NoSuchObject("No such source", e.getMessage()), e.getMessage());
            return;
        }
        title = source.source().title();
        if (!projects.holds(source.source().project(), Role.SUPERVISOR)) {
            event.rerouteToError(AccessDeniedException.class, "Only this project's supervisors adjudicate its sources.");
            return;
        }
        sourceId = id;
        scheme = schemes.current(source.source().project());
        cards = new CurationCards(scheme, source.text());
        Anchor back = new Anchor("sources/" + id, "← Workspace");
        back.getElement().setAttribute("router-link", true);
        H2 heading = new H2("Curation: " + title);
        summary.setId("curation-summary");
        summary.addClassName("cb-muted");
        acceptAgreed.setId("accept-agreed");
        acceptAgreed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        acceptAgreed.addClickListener(e -> askReason("Accept every agreed unit", "Accept", "Every reviewer agreed.",
                reason -> {
                    int n = adjudication.acceptAgreed(sourceId, reason).size();
                    Notifications.success(n + (n == 1 ? " agreed unit" : " agreed units") + " accepted into gold.");
                }).open());
        HorizontalLayout top = new HorizontalLayout(new Div(back, heading, summary), acceptAgreed);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.END);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.addClassName("cb-curation-top");

        list.setId("units");
        list.setText(source.text());
        list.addActionListener(this::act);
        add(top, list);
        setFlexGrow(1, list);
        List<Unit> units = adjudication.units(sourceId);
        show(units, focus(event.getLocation().getQueryParameters(), units));
    }

    /** The deep link's unit: the first of label {@code label} covering code point {@code at}; null for none. */
    private String focus(QueryParameters query, List<Unit> units) {
        String at = query.getSingleParameter("at").orElse(null);
        if (at == null) {
            return null;
        }
        String label = query.getSingleParameter("label").orElse(null);
        int position;
        try {
            position = Integer.parseInt(at.strip());
        } catch (NumberFormatException e) {
            Notifications.warning("'at' must be a position in the text (a whole number), not '" + at + "'.");
            return null;
        }
        String key = units.stream()
                .filter(u -> label == null || u.label().equals(label))
                .filter(u -> u.start() <= position && position < u.end())
                .findFirst().map(CurationCards::key).orElse(null);
        if (key == null) {
            Notifications.warning("No " + (label == null ? "" : scheme.titleOf(label) + " ") + "unit covers position " + position
                    + " any more.");
        }
        return key;
    }

    private void act(CurationUnitsElement.ActionEvent event) {
        Unit unit = byKey.get(event.key());
        AnnotationDetails version = unit == null ? null : unit.versions().stream()
                .filter(v -> v.id() == event.annotation()).findFirst().orElse(null);
        if (version == null) {
            Notifications.warning("This unit has changed since the page showed it; here it is as it is now.");
            refresh();
            return;
        }
        switch (event.action()) {
            case "accept" -> askReason("Accept " + version.author() + "'s " + scheme.titleOf(version.label()), "Accept", "",
                    reason -> adjudication.decide(sourceId, DecisionRequest.accept(ids(unit), version.id(), reason)))
                    .open();
            case "edit" -> edit(unit, version);
            case "reject" -> askReason("Reject this " + scheme.titleOf(unit.label()) + " unit", "Reject", "", reason ->
                    adjudication.decide(sourceId, DecisionRequest.reject(ids(unit), reason))).setDestructive().open();
            default -> { }
        }
    }

    /** Accepts a version changed by the supervisor: its span chosen in the text, its label and attributes. */
    private void edit(Unit unit, AnnotationDetails version) {
        int from = cards.contextStart(unit.start());
        int to = cards.contextEnd(unit.end());
        GoldEditor editor = new GoldEditor(scheme, unit, version, from, cards.text(from, to),
                attribute -> annotations.suggestions(sourceId, attribute));
        askReason("Edit and accept " + version.author() + "'s " + scheme.titleOf(version.label()), "Accept", "",
                reason -> adjudication.decide(sourceId, editor.request(ids(unit), reason)))
                .addContent(editor)
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
        show(adjudication.units(sourceId), null);
    }

    /** Shows these units, the one with {@code focusKey} (or none) scrolled to and marked. */
    private void show(List<Unit> units, String focusKey) {
        byKey.clear();
        units.forEach(u -> byKey.put(CurationCards.key(u), u));
        List<String> keys = List.copyOf(byKey.keySet());
        list.setUnits(cards.cards(units, assessments.tallies(sourceId)), focusKey == null ? -1 : keys.indexOf(focusKey));
        if (focusKey != null) {
            list.focus(focusKey);
        }
        long open = units.stream().filter(u -> u.decision() == null).count();
        long agreed = units.stream().filter(u -> u.decision() == null && u.agreed()).count();
        summary.setText(units.size() + (units.size() == 1 ? " unit · " : " units · ") + open + " open · " + agreed
                + " of them agreed by everyone");
        acceptAgreed.setEnabled(agreed > 0);
        acceptAgreed.setTooltipText(agreed > 0 ? "Accepts the " + agreed + (agreed == 1 ? " open unit" : " open units") + " every reviewer made alike"
                : "No open unit is agreed by every reviewer");
    }

    @Override
    public String getPageTitle() {
        return "Curation: " + title + " · Corroborate";
    }
}
