package org.corroborate.project.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import java.util.EnumSet;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectDetails;
import org.corroborate.source.ui.LibraryView;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

@WorkbenchTest
@WithMockUser(username = "carol", roles = {"REVIEWER", "SUPERVISOR"})
class ProjectSwitcherTest extends SpringBrowserlessTest {

    @SuppressWarnings("unchecked")
    private Select<ProjectDetails> switcher() {
        return find(Select.class).withId("project-switcher").single();
    }

    @Test
    void listsThePersonsProjectsAndChoosingOneShowsThePageForIt() {
        navigate(LibraryView.class);
        assertThat(switcher().getListDataView().getItems().map(ProjectDetails::name))
                .containsExactly(TestProjects.MAIN_NAME, TestProjects.SECOND_NAME);
        assertThat(switcher().getValue().name()).isEqualTo(TestProjects.MAIN_NAME);
        assertThat(find(Anchor.class).withId("library-project").single().getText()).isEqualTo(TestProjects.MAIN_NAME);

        test(switcher()).selectItem(TestProjects.SECOND_NAME);

        assertThat(getCurrentView()).isInstanceOf(LibraryView.class);
        assertThat(find(Anchor.class).withId("library-project").single().getText())
                .isEqualTo(TestProjects.SECOND_NAME);
        assertThat(switcher().getValue().name()).isEqualTo(TestProjects.SECOND_NAME);
    }

    @Test
    void rolesAreNamedPerProject() {
        assertThat(ProjectRoles.describe(EnumSet.of(Role.REVIEWER,
                Role.SUPERVISOR))).isEqualTo("supervisor, reviewer");
        assertThat(ProjectRoles.describe(EnumSet.of(Role.ADMIN)))
                .isEqualTo("administrator");
        assertThat(ProjectRoles.describe(EnumSet.of(Role.ADMIN,
                Role.REVIEWER))).isEqualTo("reviewer");
    }
}
