package org.corroborate.project.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WorkbenchTest
class ProjectsViewTest extends SpringBrowserlessTest {

    /**
     * The supervisor and reviewer of this test's projects: accounts of its own, so that the demo
     * accounts stay in one project each (other tests leave {@code project} out on that ground).
     */
    static final String SUPERVISOR = "quarry-sup";
    static final String REVIEWER = "quarry-rev";

    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired CurrentActor actor;

    /** A new project that {@link #SUPERVISOR} supervises and {@link #REVIEWER} reviews, so that a test may change it freely. */
    private ProjectDetails samsProject() {
        String name = "Quarry noise study " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        return actor.runAs("admin", Role.ADMIN, () -> {
            TestAccounts fixture = new TestAccounts(accounts, projects, actor);
            for (String username : List.of(SUPERVISOR, REVIEWER)) {
                if (!accounts.exists(username)) {
                    fixture.create(username);
                }
            }
            ProjectDetails made = projects.create(name, "Complaints about blasting at the quarry.");
            projects.setMembers(made.id(), List.of(new ProjectMembership(SUPERVISOR, Set.of(Role.SUPERVISOR)),
                    new ProjectMembership(REVIEWER, Set.of(Role.REVIEWER))));
            return made;
        });
    }

    @Test
    @WithMockUser(username = "bob", roles = "REVIEWER")
    void aReviewerReadsHisProjectWithoutWaysToChangeIt() {
        navigate(ProjectsView.class);
        assertThat(find(Anchor.class).withClassName("cb-project-card-name").all()).extracting(Anchor::getText)
                .containsExactly(TestProjects.MAIN_NAME);
        assertThat(find(H3.class).withId("project-name").single().getText()).isEqualTo(TestProjects.MAIN_NAME);
        assertThat(find(Span.class).withClassName("cb-muted").all()).extracting(Span::getText)
                .anyMatch(facts -> facts.matches("reviewer · \\d+ members · \\d+ sources"));
        assertThat(find(Button.class).withId("new-project").all()).isEmpty();
        assertThat(find(Button.class).withId("edit-project").all()).isEmpty();
        assertThat(find(Button.class).withId("save-members").all()).isEmpty();
        assertThat(find(TextArea.class).withId("guidelines-text").all()).isEmpty();
        find(TabSheet.class).withId("project-tabs").single().setSelectedIndex(1);
        assertThat(find(TextArea.class).withId("guidelines-text").all()).isEmpty();
        assertThat(find(Markdown.class).withId("guidelines-preview").single().getContent()).contains("QUOTE");
    }

    @Test
    @WithMockUser(username = "bob", roles = "REVIEWER")
    void aProjectSomeoneIsNotInIsAnsweredLikeOneThatDoesNotExist() {
        long second = actor.runAs("admin", Role.ADMIN, () -> projects.list()).stream()
                .filter(p -> p.name().equals(TestProjects.SECOND_NAME)).findFirst().orElseThrow().id();
        navigate("projects/" + second, ProjectsView.class);
        assertThat(find(Paragraph.class).withId("project-missing").single().getText())
                .isEqualTo("There is no project with id " + second + ".");
        assertThat(find(H3.class).withId("project-name").all()).isEmpty();
    }

    @Test
    @WithMockUser(username = SUPERVISOR, roles = "SUPERVISOR")
    void aSupervisorWhoseEditIsStaleIsToldAndNothingChanges() {
        ProjectDetails project = samsProject();
        navigate("projects/" + project.id(), ProjectsView.class);
        test(find(Button.class).withId("edit-project").single()).click();
        actor.runAs("admin", Role.ADMIN, () -> projects.update(project.id(), project.name(), "Changed meanwhile.",
                project.version()));
        test(find(TextField.class).withId("project-name-field").single()).setValue("Quarry noise, renamed");
        test(find(Button.class).withId("project-save").single()).click();

        Paragraph error = find(Paragraph.class).withId("project-form-error").single();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("changed by someone else");
        assertThat(actor.runAs("admin", Role.ADMIN, () -> projects.get(project.id())).name()).isEqualTo(project.name());
    }

    @Test
    @WithMockUser(username = SUPERVISOR, roles = "SUPERVISOR")
    void aSupervisorCannotLeaveAProjectWithoutASupervisor() {
        ProjectDetails project = samsProject();
        navigate("projects/" + project.id(), ProjectsView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> members = find(Grid.class).withId("members").single();
        test(samsBox(members, "reviewer")).click();
        test(samsBox(members, "supervisor")).click();
        test(find(Button.class).withId("save-members").single()).click();

        Paragraph error = find(Paragraph.class).withId("members-error").single();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("needs a supervisor");
        assertThat(actor.runAs("admin", Role.ADMIN, () -> projects.members(project.id())))
                .contains(new ProjectMembership(SUPERVISOR, Set.of(Role.SUPERVISOR)));
    }

    private Checkbox samsBox(Grid<Object> members, String column) {
        int index = members.getColumns().indexOf(members.getColumnByKey(column));
        return IntStream.range(0, test(members).size())
                .mapToObj(row -> (Checkbox) test(members).getCellComponent(row, index))
                .filter(c -> SUPERVISOR.equals(c.getElement().getAttribute("data-member"))).findFirst().orElseThrow();
    }

    @Test
    @WithMockUser(username = SUPERVISOR, roles = "SUPERVISOR")
    void aSupervisorSavesGuidelinesAndThenTheNameWithTheNewVersion() {
        ProjectDetails project = samsProject();
        navigate("projects/" + project.id(), ProjectsView.class);
        find(TabSheet.class).withId("project-tabs").single().setSelectedIndex(1);
        test(find(TextArea.class).withId("guidelines-text").single()).setValue("# Blasting\n\nCount every blast.");
        assertThat(find(Markdown.class).withId("guidelines-preview").single().getContent()).contains("Count every blast");
        test(find(Button.class).withId("save-guidelines").single()).click();
        assertThat(find(Paragraph.class).withId("guidelines-error").all()).isEmpty(); // hidden: nothing refused

        test(find(Button.class).withId("edit-project").single()).click();
        test(find(TextField.class).withId("project-name-field").single()).setValue(project.name() + " (2026)");
        test(find(Button.class).withId("project-save").single()).click();
        assertThat(find(Paragraph.class).withId("project-form-error").all()).isEmpty();
        assertThat(find(H3.class).withId("project-name").single().getText()).isEqualTo(project.name() + " (2026)");
        assertThat(actor.runAs("admin", Role.ADMIN, () -> projects.guidelines(project.id()))).contains(
                "# Blasting\n\nCount every blast.");
    }
}
