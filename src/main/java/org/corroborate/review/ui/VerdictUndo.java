package org.corroborate.review.ui;

import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.ui.UndoableAction;
import org.corroborate.review.AssessmentDetails;
import org.corroborate.review.AssessmentService;

/**
 * The viewer's verdict on a colleague's annotation, on the workspace's undo history: undone by
 * recording the verdict they had before (or withdrawing a first verdict), redone by recording it
 * again; each at the version the last step left, so a verdict changed since (another tab, an
 * import) is never overwritten.
 */
final class VerdictUndo implements UndoableAction {

    private final AssessmentService assessments;
    private final AnnotationDetails annotation;
    private final AssessmentDetails before;
    private final AssessmentDetails after;
    /** The viewer's verdict as the last step left it; null when withdrawn. */
    private AssessmentDetails current;

    VerdictUndo(AssessmentService assessments, AnnotationDetails annotation, AssessmentDetails before,
                AssessmentDetails after) {
        this.assessments = assessments;
        this.annotation = annotation;
        this.before = before;
        this.after = after;
        this.current = after;
    }

    @Override
    public String description() {
        String text = annotation.text().length() > 40 ? annotation.text().substring(0, 39) + "…" : annotation.text();
        return "verdict " + after.verdict().name().toLowerCase() + " on " + annotation.label() + " \u2018" + text
                + "\u2019";
    }

    @Override
    public void undo() {
        if (before == null) {
            assessments.withdraw(annotation.id(), current.version());
            current = null;
        } else {
            current = assessments.assess(annotation.id(), before.verdict(), before.comment(), current.version());
        }
    }

    @Override
    public void redo() {
        current = assessments.assess(annotation.id(), after.verdict(), after.comment(),
                current == null ? null : current.version());
    }
}
