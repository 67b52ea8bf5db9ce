package org.corroborate.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Assessments over HTTP: the caller's verdict on a colleague's annotation, and all verdicts on one. */
@RestController
@Tag(name = "Assessments")
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @PutMapping("/api/annotations/{id}/assessment")
    @Operation(summary = "Record or change the caller's verdict {verdict: AGREE|DISAGREE|UNSURE, comment?}")
    AssessmentDetails assess(@PathVariable long id, @RequestBody AssessmentBody body) {
        return assessments.assess(id, body.verdict(), body.comment());
    }

    @GetMapping("/api/annotations/{id}/assessments")
    @Operation(summary = "Every verdict on the annotation")
    List<AssessmentDetails> list(@PathVariable long id) {
        return assessments.of(id);
    }

    /** A verdict and an optional comment. */
    record AssessmentBody(Verdict verdict, String comment) {}
}
