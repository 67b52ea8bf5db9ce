package org.corroborate.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asked before anything leaves an editor with unsaved edits (another annotation, Esc, an undo,
 * another page): Save, Discard or Keep editing. Esc or a click outside keeps editing.
 */
class UnsavedChangesDialog extends Dialog {

    /**
     * @param save         saves, then goes on where the viewer was going (when the save succeeds)
     * @param discard      drops the edits, then goes on
     * @param keepEditing  stays in the editor
     */
    UnsavedChangesDialog(Runnable save, Runnable discard, Runnable keepEditing) {
        setId("unsaved-dialog");
        setHeaderTitle("Unsaved changes");
        add(new Paragraph("This annotation has changes you have not saved. Save them before you go on?"));
        Button saveButton = new Button("Save", e -> {
            close();
            save.run();
        });
        saveButton.setId("unsaved-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discardButton = new Button("Discard", e -> {
            close();
            discard.run();
        });
        discardButton.setId("unsaved-discard");
        discardButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Button keep = new Button("Keep editing", e -> {
            close();
            keepEditing.run();
        });
        keep.setId("unsaved-keep");
        getFooter().add(discardButton, keep, saveButton);
        addDialogCloseActionListener(e -> {
            close();
            keepEditing.run();
        });
        saveButton.getElement().setAttribute("autofocus", true);
    }
}
