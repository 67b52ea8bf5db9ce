package org.corroborate.annotation.ui;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.ui.FromTheBrowser;
import org.corroborate.base.ui.NotFoundView;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The workspace's server side: what a hotkey, a click or the editor does to annotations. */
@WorkbenchTest
@WithMockUser(username = "carol", roles = "REVIEWER")
class SourceWorkspaceViewTest extends SpringBrowserlessTest {

    @Autowired
    SourceService sources;

    @Autowired
    AnnotationService annotations;

    @Autowired
    CurrentActor actor;

    long sourceId;

    /** Imports the mayor's sentence followed by {@code ending}, a sentence of the test's own. */
    private void importSource(String ending) {
        sourceId = sources.importText(TestProjects.MAIN, "Workspace", "The mayor said “the water is safe” on Monday. " + ending,
                "Vale Voice", null, null, null).source().id();
    }

    private SourceTextElement text() {
        return find(SourceTextElement.class).withId("source-text").single();
    }

    @Test
    void showsTheTextAndItsProvenance() {
        importSource("Its provenance is shown.");
        navigate(SourceWorkspaceView.class, sourceId);
        assertThat(text().getElement().getProperty("text")).startsWith("The mayor said");
        assertThat(find(H2.class).withId("source-title").single().getText()).isEqualTo("Workspace");
        find(TabSheet.class).single().setSelectedIndex(2);
        assertThat(find(Span.class).withId("source-sha256").single().getText())
                .isEqualTo(sources.get(sourceId).source().sha256());
        assertThat(find(Span.class).withId("review-status").single().getText()).isEqualTo("Not started");
    }

    @Test
    void aHotkeyCreatesTheAnnotationAndTheEditorSavesItsSpeaker() {
        importSource("A hotkey tags it.");
        navigate(SourceWorkspaceView.class, sourceId);
        ComponentUtil.fireEvent(text(), new SourceTextElement.TagEvent(text(), true, 16, 33, "QUOTE"));

        AnnotationDetails created = annotations.visible(sourceId, null).getFirst();
        assertThat(created.text()).isEqualTo("the water is safe");
        assertThat(created.label()).isEqualTo("QUOTE");
        assertThat(find(Span.class).withId("review-status").single().getText()).isEqualTo("In progress");

        @SuppressWarnings("unchecked")
        ComboBox<String> speaker = find(ComboBox.class).withId("attribute-speaker").single();
        speaker.setValue("The mayor");
        test(find(Button.class).withId("editor-save").single()).click();
        assertThat(annotations.get(created.id()).attributes()).containsEntry("speaker", "The mayor");
        assertThat(annotations.get(created.id()).version()).isEqualTo(1);
        find(TabSheet.class).single().setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        Grid<AnnotationDetails> list = find(Grid.class).withId("annotation-list").single();
        assertThat(test(list).size()).isEqualTo(1);
        assertThat(find(Span.class).withId("annotation-counts").single().getText()).isEqualTo("1 annotation · Quote 1");
    }

    @Test
    void deleteOnTheKeyboardRemovesOnlyYourOwnAnnotation() {
        importSource("The Delete key removes it.");
        navigate(SourceWorkspaceView.class, sourceId);
        ComponentUtil.fireEvent(text(), new SourceTextElement.TagEvent(text(), true, 4, 9, "FACT"));
        AnnotationDetails created = annotations.visible(sourceId, null).getFirst();
        ComponentUtil.fireEvent(text(), new SourceTextElement.DeleteEvent(text(), true, String.valueOf(created.id())));
        assertThat(annotations.visible(sourceId, null)).isEmpty();
    }

    @Test
    void aColleaguesAnnotationOpensReadOnlyAndTheKeyboardCannotDeleteIt() {
        importSource("A colleague tagged it first.");
        AnnotationDetails alices = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 9, "FACT", Map.of(), null)));
        navigate(SourceWorkspaceView.class, sourceId);
        ComponentUtil.fireEvent(text(), new SourceTextElement.AnnotationSelectedEvent(text(), true,
                String.valueOf(alices.id())));
        assertThat(find(Paragraph.class).withId("editor-quote").single().getText())
                .isEqualTo("“mayor”");
        assertThat(find(Button.class).withId("editor-save").all()).isEmpty();
        ComponentUtil.fireEvent(text(), new SourceTextElement.DeleteEvent(text(), true, String.valueOf(alices.id())));
        assertThat(actor.runAs("alice", Role.REVIEWER, () -> annotations.get(alices.id())).version())
                .isEqualTo(alices.version());
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPERVISOR")
    void aSupervisorDeletesAColleaguesAnnotationFromTheKeyboardOnlyWithAReason() {
        importSource("A supervisor removes a colleague's tag.");
        AnnotationDetails alices = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 9, "FACT", Map.of(), null)));
        navigate(SourceWorkspaceView.class, sourceId);
        ComponentUtil.fireEvent(text(), new SourceTextElement.DeleteEvent(text(), true, String.valueOf(alices.id())));
        ReasonDialog dialog = find(ReasonDialog.class).single();
        test(find(Button.class).withId("reason-confirm").single()).click();
        assertThat(find(TextArea.class).withId("reason-text").single().isInvalid()).isTrue();
        assertThat(annotations.visible(sourceId, null)).extracting(AnnotationDetails::id).containsExactly(alices.id());

        test(find(TextArea.class).withId("reason-text").single()).setValue("Not a fact: an opinion");
        test(find(Button.class).withId("reason-confirm").single()).click();
        assertThat(annotations.visible(sourceId, null)).isEmpty();
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aHotkeyFromAnAccountThatMayNotAnnotateShowsWhyAndCreatesNothing() {
        importSource("An administrator's hotkey is refused.");
        navigate(SourceWorkspaceView.class, sourceId);
        FromTheBrowser.run(() -> ComponentUtil.fireEvent(text(),
                new SourceTextElement.TagEvent(text(), true, 16, 33, "QUOTE")));
        assertThat(test(find(Notification.class).single()).getText()).startsWith("You may not do this");
        assertThat(annotations.visible(sourceId, null)).isEmpty();
        find(TabSheet.class).single().setSelectedIndex(1);
        assertThat(find(Span.class).withId("annotation-counts").single().getText()).isEqualTo("0 annotations");
    }

    @Test
    void saysSoWhenASourceDoesNotExist() {
        navigate("sources/424242", NotFoundView.class); // the framed 404 page, with the view's heading
        assertThat(find(H2.class).single().getText()).isEqualTo("No such source");
    }
}
