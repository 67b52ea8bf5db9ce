package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.ui.ImportMark;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.adjudication.Outcome;

/** In the annotation panel: how the annotation was adjudicated, so reviewers see what became of their work and why. */
@org.springframework.stereotype.Component
class AdjudicationPanel implements WorkspaceExtension {

    private final AdjudicationService adjudication;

    AdjudicationPanel(AdjudicationService adjudication) {
        this.adjudication = adjudication;
    }

    @Override
    public Component annotationPanel(Workspace workspace, AnnotationDetails annotation) {
        DecisionDetails decision = adjudication.decisions(annotation.sourceId()).stream()
                .filter(d -> d.basedOn().contains(annotation.id())).findFirst().orElse(null);
        Div panel = new Div(new H4("Adjudication"));
        panel.setId("adjudication");
        if (decision == null) {
            Paragraph open = new Paragraph("Not adjudicated yet.");
            open.addClassName("cb-muted");
            panel.add(open);
            return panel;
        }
        String outcome = decision.outcome() == Outcome.ACCEPTED
                ? "Gold: " + decision.gold().label() + " “" + decision.gold().text() + "”"
                + (decision.basedOn().size() > 1 ? " (from " + decision.basedOn().size() + " versions)" : "")
                : "Rejected: not in the gold layer";
        Paragraph by = new Paragraph("by " + decision.decidedBy() + ": " + decision.reason());
        if (decision.imported() != null) {
            by.add(new ImportMark(decision.imported(), ""));
        }
        panel.add(new Paragraph(outcome), by);
        return panel;
    }
}
