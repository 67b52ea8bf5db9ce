package org.corroborate.annotation.ui;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 19, case 5c in the workspace: carol has a source open with everyone's annotations shown;
 * a supervisor switches blind mode on elsewhere. Her open view drops alice's annotation at once,
 * and alice's next one never arrives; switched off again, both come back.
 */
@WorkbenchTest
@WithMockUser(username = "carol", roles = "REVIEWER")
class BlindModePushViewTest extends SpringBrowserlessTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    @Test
    void anOpenWorkspaceDropsColleaguesAnnotationsWhenBlindModeIsSwitchedOn() {
        long source = sources.importText(TestProjects.MAIN, "Blind push", "The mayor said the water is safe, then blind mode went on.",
                null, null, null, null).source().id();
        AnnotationDetails alices = annotate(source, "alice", 4, 9);
        navigate(SourceWorkspaceView.class, source);
        AnnotationDetails carols = annotations.create(source, AnnotationRequest.create(10, 14, "FACT", Map.of(), null));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<WorkspaceModel.Layer> layers = find(RadioButtonGroup.class).withId("layer").single();
        layers.setValue(WorkspaceModel.Layer.EVERYONE);
        find(TabSheet.class).single().setSelectedIndex(1);
        assertThat(listed()).containsExactlyInAnyOrder(alices.id(), carols.id());

        actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(source), true));
        roundTrip();
        assertThat(listed()).as("alice's annotation leaves carol's open view").containsExactly(carols.id());
        AnnotationDetails later = annotate(source, "alice", 15, 18);
        roundTrip();
        assertThat(listed()).as("alice's new annotation is not pushed").containsExactly(carols.id());

        actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(source), false));
        roundTrip();
        assertThat(listed()).containsExactlyInAnyOrder(alices.id(), carols.id(), later.id());
    }

    private AnnotationDetails annotate(long source, String user, int start, int end) {
        return actor.runAs(user, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, "FACT", Map.of(), null)));
    }

    private List<Long> listed() {
        @SuppressWarnings("unchecked")
        Grid<AnnotationDetails> list = find(Grid.class).withId("annotation-list").single();
        var grid = test(list);
        return java.util.stream.IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).id()).toList();
    }
}
