package org.corroborate.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.ui.SourceWorkspaceView;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.ui.NotFoundView;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The UI's routes keep projects apart as the API does: a source of a project the person does not
 * belong to opens as the framed 404 "No such source", the same as an id that does not exist.
 */
@WorkbenchTest
class ProjectIsolationViewTest extends SpringBrowserlessTest {

    private static Long hidden;

    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    @BeforeEach
    void aSourceOfAProjectOfItsOwn() {
        if (hidden == null) {
            hidden = actor.runAs("admin", Role.ADMIN, () -> {
                long project = projects.create("Closed-door desk", "Nobody of the demo belongs here.").id();
                return sources.importText(project, "Closed-door memo", "Only the closed-door desk reads this memo.",
                        null, null, null, null).source().id();
            });
        }
    }

    private java.util.List<String> headings() {
        return find(H2.class).all().stream().map(H2::getText).toList();
    }

    @Test
    @WithMockUser(username = "alice", roles = "REVIEWER")
    void theWorkspaceOfAnotherProjectsSourceIsNoSuchSource() {
        navigate("sources/" + hidden, NotFoundView.class);
        assertThat(headings()).contains("No such source");
        navigate("sources/987654321", NotFoundView.class);
        assertThat(headings()).contains("No such source");
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPERVISOR")
    void aSupervisorOfAnotherProjectCannotCurateIt() {
        navigate("curate/" + hidden, NotFoundView.class);
        assertThat(headings()).contains("No such source");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anAdministratorReadsEveryProjectsSource() {
        navigate(SourceWorkspaceView.class, hidden);
        assertThat(headings()).contains("Closed-door memo").doesNotContain("No such source");
    }
}
