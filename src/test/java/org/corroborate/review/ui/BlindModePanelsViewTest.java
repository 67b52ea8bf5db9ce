package org.corroborate.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.ui.SourceTextElement;
import org.corroborate.annotation.ui.SourceWorkspaceView;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.Verdict;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 12, item 7 in the workspace: on a blind source carol has not submitted, her annotation's
 * panels show neither sam's decision on it (nor his reason) nor bob's verdict, and say that they
 * appear once she submits; the highlight's tooltip carries no tally. After she submits, both appear.
 */
@WorkbenchTest
@WithMockUser(username = "carol", roles = "REVIEWER")
class BlindModePanelsViewTest extends SpringBrowserlessTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AssessmentService assessments;
    @Autowired ReviewStatusService reviews;
    @Autowired AdjudicationService adjudication;
    @Autowired CurrentActor actor;

    @Test
    void theAnnotationPanelsHideDecisionsAndVerdictsUntilTheReviewerSubmits() {
        long source = sources.importText(TestProjects.MAIN, "Blind panels", "The mayor said the pipes were new; "
                + "the plumber said they were lead.", null, null, null, null).source().id();
        actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(source), true));
        AnnotationDetails carols = annotations.create(source, AnnotationRequest.create(4, 9, "FACT", Map.of(), null));
        actor.runAs("bob", Role.REVIEWER, () -> reviews.submit(source));
        actor.runAs("bob", Role.REVIEWER, () -> assessments.assess(carols.id(), Verdict.DISAGREE, "bob-doubts"));
        actor.runAs("sam", Role.SUPERVISOR, () -> adjudication.decide(source,
                DecisionRequest.accept(Set.of(carols.id()), carols.id(), "sam-reason")));

        navigate(SourceWorkspaceView.class, source);
        open(carols);
        assertThat(text("adjudication")).contains("Blind mode: decisions and the gold layer appear once you submit")
                .doesNotContain("sam-reason").doesNotContain("Gold");
        assertThat(find(Span.class).withId("assessment-tally").single().getText())
                .isEqualTo("Blind mode: colleagues' verdicts appear once you submit this source");
        assertThat(text("assessments")).doesNotContain("bob").doesNotContain("disagree");

        test(find(Button.class).withId("submit-review").single()).click();
        open(carols);
        assertThat(text("adjudication")).contains("Gold").contains("sam: sam-reason");
        assertThat(text("assessments")).contains("bob: disagree — “bob-doubts”");
    }

    private void open(AnnotationDetails annotation) {
        SourceTextElement text = find(SourceTextElement.class).withId("source-text").single();
        ComponentUtil.fireEvent(text, new SourceTextElement.AnnotationSelectedEvent(text, true,
                String.valueOf(annotation.id())));
    }

    private String text(String id) {
        return find(Div.class).withId(id).single().getElement().getTextRecursively();
    }
}
