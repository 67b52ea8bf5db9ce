package org.corroborate.review.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.corroborate.project.ProjectService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agreement figures over HTTP, for supervisors and scripts. */
@RestController
@Tag(name = "Agreement")
class AgreementController {

    private final AgreementService agreement;
    private final ProjectService projects;

    AgreementController(AgreementService agreement, ProjectService projects) {
        this.agreement = agreement;
        this.projects = projects;
    }

    @GetMapping("/api/agreement")
    @Operation(summary = "Per-pair, per-label and overall figures of every measure in one project (?project=ID, "
            + "optional when you read one project); ?source=ID (repeatable), else the project's whole corpus")
    AgreementReport agreement(@RequestParam(name = ProjectService.PARAMETER, required = false) Long project,
                              @RequestParam(name = "source", required = false) List<Long> sources) {
        return agreement.agreement(projects.resolve(project), sources);
    }

    @GetMapping("/api/claims/agreement")
    @Operation(summary = "Pairwise agreement on claim membership in one project (?project=ID, optional when you "
            + "read one project): per pair of reviewers, the (claim, source) items both were compared on, the "
            + "observed agreement and Cohen's kappa over stances (SILENT when a reviewer linked nothing)")
    ClaimMembershipAgreement claimMembership(
            @RequestParam(name = ProjectService.PARAMETER, required = false) Long project) {
        return agreement.claimMembership(projects.resolve(project));
    }

    @GetMapping("/api/agreement/measures")
    @Operation(summary = "The measures there are: id, title, description, unit, range of values and what they mean, "
            + "how incomplete positions count, and whether each is pairwise, per label, on the dashboard and in "
            + "the per-source table")
    List<MeasureDefinition> measures() {
        return agreement.measures();
    }
}
