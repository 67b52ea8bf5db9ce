package org.corroborate.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.audit.AuditFilter;
import org.corroborate.audit.AuditService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.review.AssessmentDetails;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.Verdict;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A verdict on the workspace's undo history: undone to the verdict before (or withdrawn, when it
 * was the first), redone, each audited; a verdict changed since (another tab) is never overwritten.
 */
@WorkbenchTest
class VerdictUndoTest {

    private static final String AUTHOR = "verdict-ava";
    private static final String JUDGE = "verdict-jon";

    @Autowired AnnotationService annotations;
    @Autowired AssessmentService assessments;
    @Autowired SourceService sources;
    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired AuditService audit;
    @Autowired CurrentActor actor;

    private AnnotationDetails annotation() {
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Verdict undo " + System.nanoTime(),
                "Undo of verdicts")).id();
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        for (String name : List.of(AUTHOR, JUDGE)) {
            if (actor.runAs("admin", Role.ADMIN, () -> accounts.list()).stream()
                    .noneMatch(a -> a.username().equals(name))) {
                people.createIn(project, name, Role.REVIEWER);
            } else {
                people.join(project, name, Set.of(Role.REVIEWER));
            }
        }
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Verdicts",
                "The ferry ran late all week, the captain said. " + System.nanoTime(), null, null, null, null))
                .source().id();
        return actor.runAs(AUTHOR, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(0, 27, "FACT", Map.of(), null)));
    }

    private AssessmentDetails mine(long annotationId) {
        return actor.runAs(JUDGE, Role.REVIEWER, () -> assessments.of(annotationId)).stream()
                .filter(v -> v.reviewer().equals(JUDGE)).findFirst().orElse(null);
    }

    private <T> T asJudge(java.util.function.Supplier<T> work) {
        return actor.runAs(JUDGE, Role.REVIEWER, work::get);
    }

    @Test
    void aFirstVerdictIsWithdrawnByUndoAndRecordedAgainByRedo() {
        AnnotationDetails fact = annotation();
        AssessmentDetails agreed = asJudge(() -> assessments.assess(fact.id(), Verdict.AGREE, "matches the log"));
        VerdictUndo step = new VerdictUndo(assessments, fact, null, agreed);
        assertThat(step.description()).isEqualTo("verdict agree on FACT \u2018The ferry ran late all week\u2019");

        asJudge(() -> {
            step.undo();
            return null;
        });
        assertThat(mine(fact.id())).isNull();
        assertThat(actor.runAs("admin", Role.ADMIN, () -> audit.search(new AuditFilter(JUDGE, fact.sourceId(),
                "assessment.withdrawn", null, null, null, null), 0, 50)))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo(JUDGE));

        asJudge(() -> {
            step.redo();
            return null;
        });
        assertThat(mine(fact.id()).verdict()).isEqualTo(Verdict.AGREE);
        assertThat(mine(fact.id()).comment()).isEqualTo("matches the log");
    }

    @Test
    void aChangedVerdictGoesBackToTheOneBeforeButNotOverALaterOne() {
        AnnotationDetails fact = annotation();
        AssessmentDetails unsure = asJudge(() -> assessments.assess(fact.id(), Verdict.UNSURE, null));
        AssessmentDetails disagreed = asJudge(() -> assessments.assess(fact.id(), Verdict.DISAGREE, "wrong week"));
        VerdictUndo step = new VerdictUndo(assessments, fact, unsure, disagreed);
        asJudge(() -> {
            step.undo();
            return null;
        });
        assertThat(mine(fact.id()).verdict()).isEqualTo(Verdict.UNSURE);

        asJudge(() -> assessments.assess(fact.id(), Verdict.AGREE, "another tab")); // changed since
        assertThatThrownBy(() -> asJudge(() -> {
            step.redo();
            return null;
        })).isInstanceOf(WorkbenchException.class).hasMessageContaining("changed since");
        assertThat(mine(fact.id()).verdict()).isEqualTo(Verdict.AGREE);
    }
}
