package org.corroborate.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AssignmentRule;
import org.corroborate.annotation.BlindMode;
import org.corroborate.annotation.ui.WorkspaceExtension;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.ui.ImportMark;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectService;
import org.corroborate.review.AssessmentDetails;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.Tally;
import org.corroborate.review.Verdict;

/**
 * In the annotation panel: colleagues' verdicts on the annotation with their tally, and, on a
 * colleague's annotation, buttons to agree, disagree or be unsure, with a comment.
 */
@org.springframework.stereotype.Component
class AssessmentPanel implements WorkspaceExtension {

    private final AssessmentService assessments;
    private final CurrentActor actor;
    private final ProjectService projects;
    private final BlindMode blindMode;
    private final AssignmentRule assignments;

    AssessmentPanel(AssessmentService assessments, CurrentActor actor, ProjectService projects, BlindMode blindMode,
                    AssignmentRule assignments) {
        this.blindMode = blindMode;
        this.assignments = assignments;
        this.assessments = assessments;
        this.actor = actor;
        this.projects = projects;
    }

    @Override
    public Map<Long, String> tooltipNotes(long sourceId) {
        Map<Long, String> notes = new HashMap<>();
        assessments.tallies(sourceId).forEach((id, tally) -> notes.put(id, tally.toString()));
        return notes;
    }

    @Override
    public Component annotationPanel(Workspace workspace, AnnotationDetails annotation) {
        Div panel = new Div();
        panel.setId("assessments");
        panel.addClassName("cb-assessments");
        Div verdicts = new Div();
        verdicts.addClassName("cb-verdicts");
        render(workspace, panel, verdicts, annotation);
        // Colleagues' verdicts arrive while the panel is open; the viewer's comment being typed stays.
        Registration[] listening = new Registration[1];
        panel.addAttachListener(e -> listening[0] = workspace.onReviewChange(change -> {
            if (change.concerns(annotation.id())) {
                showVerdicts(verdicts, annotation);
            }
        }));
        panel.addDetachListener(e -> {
            if (listening[0] != null) {
                listening[0].remove();
            }
        });
        return panel;
    }

    private void render(Workspace workspace, Div panel, Div verdictList, AnnotationDetails annotation) {
        panel.removeAll();
        List<AssessmentDetails> verdicts = showVerdicts(verdictList, annotation);
        panel.add(new H4("Colleagues' verdicts"), verdictList);
        form(workspace, panel, verdictList, annotation, verdicts);
    }

    /** The tally and each colleague's verdict, as they now are; the verdicts shown. */
    private List<AssessmentDetails> showVerdicts(Div list, AnnotationDetails annotation) {
        list.removeAll();
        List<AssessmentDetails> verdicts = assessments.of(annotation.id());
        Tally tally = Tally.of(verdicts.stream().map(AssessmentDetails::verdict).toList());
        Span summary = new Span(!blindMode.seesColleaguesWork(annotation.sourceId())
                ? "Blind mode: colleagues' verdicts appear once you submit this source"
                : verdicts.isEmpty() ? "No verdicts yet" : tally.toString());
        summary.setId("assessment-tally");
        summary.addClassName("cb-muted");
        list.add(summary);
        for (AssessmentDetails verdict : verdicts) {
            Div line = new Div(new Span(verdict.reviewer() + ": " + verdict.verdict().name().toLowerCase()
                    + (verdict.comment() == null ? "" : " — “" + verdict.comment() + "”")));
            if (verdict.imported() != null) {
                line.add(new ImportMark(verdict.imported(), ""));
            }
            line.addClassName("cb-verdict");
            list.add(line);
        }
        return verdicts;
    }

    /** The viewer's own verdict on an annotation, or null. */
    private AssessmentDetails mine(long annotationId) {
        String me = actor.require();
        return assessments.of(annotationId).stream().filter(v -> v.reviewer().equals(me)).findFirst().orElse(null);
    }

    private void form(Workspace workspace, Div panel, Div verdictList, AnnotationDetails annotation,
                      List<AssessmentDetails> verdicts) {
        String me = actor.require();
        if (annotation.author().equals(me) || annotation.project() == null || !projects.annotates(annotation.project())) {
            return;
        }
        var refusal = assignments.refusal(annotation.sourceId());
        if (refusal.isPresent()) {
            Span readOnly = new Span(refusal.get());
            readOnly.addClassName("cb-muted");
            readOnly.setId("assessment-not-assigned");
            panel.add(readOnly);
            return;
        }
        TextField comment = new TextField();
        comment.setId("assessment-comment");
        comment.setPlaceholder("Comment (optional)");
        comment.setWidthFull();
        verdicts.stream().filter(v -> v.reviewer().equals(me)).findFirst()
                .ifPresent(v -> comment.setValue(v.comment() == null ? "" : v.comment()));
        HorizontalLayout buttons = new HorizontalLayout();
        for (Verdict verdict : Verdict.values()) {
            Button button = new Button(switch (verdict) {
                case AGREE -> "Agree";
                case DISAGREE -> "Disagree";
                case UNSURE -> "Unsure";
            }, e -> {
                AssessmentDetails before = mine(annotation.id());
                AssessmentDetails after = assessments.assess(annotation.id(), verdict, comment.getValue());
                workspace.recordUndoable(new VerdictUndo(assessments, annotation, before, after));
                Notifications.success("Your verdict is recorded.");
                render(workspace, panel, verdictList, annotation);
            });
            button.setId("assess-" + verdict.name().toLowerCase());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(button);
        }
        panel.add(comment, buttons);
    }
}
