package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.BlindMode;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.ui.ImportMark;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.scheme.SchemeService;

/** In the annotation panel: how the annotation was adjudicated, so reviewers see what became of their work and why. */
@org.springframework.stereotype.Component
class AdjudicationPanel implements WorkspaceExtension {

    private final AdjudicationService adjudication;
    private final SchemeService schemes;
    private final BlindMode blindMode;

    AdjudicationPanel(AdjudicationService adjudication, SchemeService schemes, BlindMode blindMode) {
        this.adjudication = adjudication;
        this.schemes = schemes;
        this.blindMode = blindMode;
    }

    @Override
    public Component annotationPanel(Workspace workspace, AnnotationDetails annotation) {
        Div panel = new Div();
        panel.setId("adjudication");
        render(panel, annotation);
        // A supervisor's decision on it arrives while the panel is open.
        Registration[] listening = new Registration[1];
        panel.addAttachListener(e -> listening[0] = workspace.onReviewChange(change -> {
            if (change.concerns(annotation.id())) {
                render(panel, annotation);
            }
        }));
        panel.addDetachListener(e -> {
            if (listening[0] != null) {
                listening[0].remove();
            }
        });
        return panel;
    }

    private void render(Div panel, AnnotationDetails annotation) {
        panel.removeAll();
        panel.add(new H4("Adjudication"));
        if (!blindMode.seesColleaguesWork(annotation.sourceId())) {
            Paragraph blind = new Paragraph("Blind mode: decisions and the gold layer appear once you submit this "
                    + "source.");
            blind.addClassName("cb-muted");
            blind.setId("adjudication-blind");
            panel.add(blind);
            return;
        }
        DecisionDetails decision = adjudication.decisions(annotation.sourceId()).stream()
                .filter(d -> d.basedOn().contains(annotation.id())).findFirst().orElse(null);
        if (decision == null) {
            Paragraph open = new Paragraph("Not adjudicated yet.");
            open.addClassName("cb-muted");
            panel.add(open);
            return;
        }
        Paragraph outcome = decision.outcome() == Outcome.ACCEPTED
                ? new Paragraph(new Span("Gold: "), new LabelChip(decision.gold().label(),
                        schemes.current(annotation.project()).titleOf(decision.gold().label()),
                        schemes.current(annotation.project()).colorOf(decision.gold().label())), new Span(" “" + decision.gold().text() + "”"
                        + (decision.basedOn().size() > 1 ? " (from " + decision.basedOn().size() + " versions)" : "")))
                : new Paragraph("Rejected: not in the gold layer");
        Paragraph by = new Paragraph("by " + decision.decidedBy() + ": " + decision.reason());
        if (decision.imported() != null) {
            by.add(new ImportMark(decision.imported(), ""));
        }
        panel.add(outcome, by);
    }
}
