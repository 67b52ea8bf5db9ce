package org.corroborate.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;

/**
 * A project's name and description: a new project (administrators), or an existing one changed by its
 * supervisors. A refusal (a blank or taken name; someone else changed the project meanwhile) is shown
 * above the fields and the dialog stays open.
 */
class ProjectDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final Paragraph error = new Paragraph();

    private ProjectDialog(String title, String action, ProjectDetails shown, Change change,
                          Consumer<ProjectDetails> onSaved) {
        setHeaderTitle(title);
        setWidth("min(34rem, 95vw)");
        error.addClassName("cb-form-error");
        error.setId("project-form-error");
        error.setVisible(false);
        name.setId("project-name-field");
        name.setWidthFull();
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        description.setId("project-description-field");
        description.setWidthFull();
        description.setMaxLength(4000);
        description.setHelperText("What the project is about, for its members; optional");
        if (shown != null) {
            name.setValue(shown.name());
            description.setValue(shown.description() == null ? "" : shown.description());
        }
        add(error, name, description);
        Button save = new Button(action, e -> save(change, onSaved));
        save.setId("project-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** Asks for a new project's name and description; {@code onCreated} gets the project made. */
    static ProjectDialog create(ProjectService projects, Consumer<ProjectDetails> onCreated) {
        return new ProjectDialog("New project", "Create project", null,
                (name, description) -> projects.create(name, description), onCreated);
    }

    /** Changes a project's name and description, checking it is still the version shown. */
    static ProjectDialog edit(ProjectService projects, ProjectDetails shown, Consumer<ProjectDetails> onSaved) {
        return new ProjectDialog("Edit " + shown.name(), "Save", shown,
                (name, description) -> projects.update(shown.id(), name, description, shown.version()), onSaved);
    }

    private void save(Change change, Consumer<ProjectDetails> onSaved) {
        try {
            ProjectDetails saved = change.apply(name.getValue(), description.getValue());
            Notifications.success("Saved project " + saved.name());
            close();
            onSaved.accept(saved);
        } catch (WorkbenchException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }

    /** The service call the dialog makes with the fields' values. */
    @FunctionalInterface
    private interface Change {
        ProjectDetails apply(String name, String description);
    }
}
