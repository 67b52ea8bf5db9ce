package org.corroborate.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;

/**
 * A project's annotation guidelines: Markdown rendered for every member; for its supervisors and
 * administrators also a text area beside a live preview, and Save. Vaadin's {@link Markdown} component
 * sanitises what it renders (no scripts, no event handlers), so guidelines are text to read, never code
 * that runs.
 */
class GuidelinesEditor extends Div {

    /** The most a project's guidelines may hold (ProjectService refuses more). */
    static final int MAX_LENGTH = 200_000;

    private final ProjectService projects;
    private final Supplier<ProjectDetails> project;
    private final Consumer<ProjectDetails> onSaved;
    private final Markdown preview = new Markdown();
    private final TextArea text = new TextArea("Guidelines (Markdown)");
    private final Paragraph error = new Paragraph();
    private final Span empty = new Span("This project has no guidelines yet.");

    /**
     * @param project the project as last read (its version is sent on save)
     * @param onSaved gets the project after a save (with its new version)
     */
    GuidelinesEditor(ProjectService projects, Supplier<ProjectDetails> project, boolean editable,
                     Consumer<ProjectDetails> onSaved) {
        this.projects = projects;
        this.project = project;
        this.onSaved = onSaved;
        addClassName("cb-guidelines-editor");
        String markdown = projects.guidelines(project.get().id()).orElse("");
        preview.setId("guidelines-preview");
        preview.addClassName("cb-guidelines");
        empty.setId("guidelines-empty");
        empty.addClassName("cb-muted");
        Div shown = new Div(empty, preview);
        shown.addClassName("cb-guidelines-preview");
        show(markdown);
        if (!editable) {
            add(shown);
            return;
        }
        text.setId("guidelines-text");
        text.setWidthFull();
        text.setMaxLength(MAX_LENGTH);
        text.setValue(markdown);
        text.setHelperText("Headings (#), lists (-), **bold**, links. The preview shows what members will read.");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> show(e.getValue()));
        error.addClassName("cb-form-error");
        error.setId("guidelines-error");
        error.setVisible(false);
        Button save = new Button("Save guidelines", e -> save());
        save.setId("save-guidelines");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div editor = new Div(error, text, save);
        editor.addClassName("cb-guidelines-source");
        Span previewTitle = new Span("Preview");
        previewTitle.addClassName("cb-metadata-label");
        shown.addComponentAsFirst(previewTitle);
        add(editor, shown);
        addClassName("cb-guidelines-editing");
    }

    private void show(String markdown) {
        boolean blank = markdown == null || markdown.isBlank();
        preview.setContent(blank ? "" : markdown);
        preview.setVisible(!blank);
        empty.setVisible(blank);
    }

    private void save() {
        try {
            ProjectDetails saved = projects.setGuidelines(project.get().id(), text.getValue(), project.get().version());
            error.setVisible(false);
            Notifications.success("Guidelines of " + saved.name() + " saved");
            onSaved.accept(saved);
        } catch (WorkbenchException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }
}
