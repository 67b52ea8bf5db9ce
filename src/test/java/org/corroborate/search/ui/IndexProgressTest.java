package org.corroborate.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.search.SearchIndexService;
import org.corroborate.search.SearchIndexTesting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The rebuild's progress on the search page, and the administrators' button that starts one. */
@WorkbenchTest
@WithMockUser(username = "admin", roles = "ADMIN")
class IndexProgressTest extends SpringBrowserlessTest {

    @Autowired ObjectProvider<IndexProgress> progress;
    @Autowired SearchIndexService index;
    @Autowired org.corroborate.search.SearchIndex searchIndex;
    @Autowired CurrentActor actor;

    private SearchIndexTesting testing;

    @org.junit.jupiter.api.BeforeEach
    void handle() {
        testing = new SearchIndexTesting(searchIndex);
    }

    @Test
    void anAdministratorStartsARebuildAndSeesItsProgressUntilItIsDone() {
        testing.awaitRebuild(Duration.ofSeconds(30));
        IndexProgress shown = progress.getObject();
        UI.getCurrent().add(shown);
        Button rebuild = find(Button.class).withText("Rebuild search index").single();
        assertThat(shown.text()).as("nothing building").isEmpty();
        assertThat(rebuild.isVisible()).isTrue();

        CountDownLatch hold = new CountDownLatch(1);
        testing.holdRebuilds(hold);
        try {
            test(rebuild).click();
            assertThat(shown.text()).startsWith("Search index being rebuilt");
            assertThat(rebuild.isEnabled()).as("no second rebuild while one runs").isFalse();
            // A screen opened during the rebuild shows it too.
            IndexProgress other = progress.getObject();
            assertThat(other.isVisible()).isTrue();
            assertThat(other.text()).startsWith("Search index being rebuilt");
        } finally {
            testing.holdRebuilds(null);
            hold.countDown();
        }
        assertThat(testing.awaitRebuild(Duration.ofSeconds(60))).isTrue();
        shown.show(index.status());
        assertThat(shown.text()).isEmpty();
        assertThat(rebuild.isEnabled()).isTrue();
        long total = index.status().total();
        assertThat(total).as("documents of the finished rebuild").isPositive();
        assertThat(index.status().done()).isEqualTo(total);
    }

    @Test
    @WithMockUser(username = "alice", roles = "REVIEWER")
    void aReviewerSeesNoButtonAndNothingWhileTheIndexIsReady() {
        testing.awaitRebuild(Duration.ofSeconds(30));
        IndexProgress shown = progress.getObject();
        UI.getCurrent().add(shown);
        assertThat(find(Button.class).withText("Rebuild search index").all()).allMatch(b -> !b.isVisible());
        assertThat(shown.isVisible()).isFalse();
        assertThat(actor.has(Role.ADMIN)).isFalse();
    }
}
