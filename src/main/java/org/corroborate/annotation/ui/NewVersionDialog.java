package org.corroborate.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.SpooledUpload;
import org.springframework.security.access.AccessDeniedException;

/**
 * "New version" of a source: a corrected file uploaded or a text pasted, with a note saying why;
 * the annotations are then re-anchored and the report shown ({@link ReanchorReportView}). A refused
 * version (the same text, a damaged file, 409 because someone added one meanwhile) changes nothing
 * and says why.
 */
class NewVersionDialog extends Dialog {

    /** Adds the version and answers the report to show; throws WorkbenchException when refused. */
    interface Revise {
        ReanchorReportView fromText(String text, String note);

        ReanchorReportView fromFile(String fileName, byte[] content, String note);
    }

    private final Div outcome = new Div();
    private final AtomicReference<String> noteGiven = new AtomicReference<>("");
    private volatile boolean added;

    NewVersionDialog(long maxFileBytes, Revise revise, Runnable afterwards) {
        setHeaderTitle("New version of this source");
        setWidth("min(44rem, 95vw)");
        UI ui = UI.getCurrent();
        Paragraph help = new Paragraph("The new text becomes the current version; earlier versions stay readable. "
                + "Every annotation is looked for in the new text by its quote and context: it stays, moves, "
                + "changes with its text, or is orphaned (kept with its old quote, to re-anchor by hand).");
        help.addClassName("cb-muted");
        TextField note = new TextField("Why the text changed");
        note.setId("version-note");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setPlaceholder("e.g. Corrected by the publisher on 3 March");
        note.addValueChangeListener(e -> noteGiven.set(e.getValue()));

        Upload upload = new Upload(new SpooledUpload(maxFileBytes, name -> "'" + name + "' is too large to be a "
                + "version of a source; nothing was stored.", null,
                (fileName, file) -> {
                    // On the upload's request thread (a document's text is read here), the page updated after.
                    byte[] bytes = Files.readAllBytes(file);
                    Component shown = attempt(() -> revise.fromFile(fileName, bytes, noteGiven.get()));
                    ui.access(() -> show(shown));
                },
                (fileName, message) -> ui.access(() -> refused(message))));
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setId("version-upload");
        upload.setMaxFiles(1);
        upload.setDropAllowed(true);
        upload.setAcceptedFileTypes(".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".odt", ".rtf", ".eml");

        TextArea text = new TextArea("Text of the new version");
        text.setId("version-text-input");
        text.setWidthFull();
        text.setMinHeight("10rem");
        Button fromText = new Button("Add as new version", e -> show(attempt(() -> revise.fromText(text.getValue(),
                note.getValue()))));
        fromText.setId("version-add-text");
        fromText.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        // Two plain sections, not tabs: either way gives the version.
        Div fromFile = new Div(new H4("Upload the corrected file"), upload);
        Div pasted = new Div(new H4("Or paste the corrected text"), text, fromText);
        fromFile.addClassName("cb-version-way");
        pasted.addClassName("cb-version-way");

        outcome.setId("version-outcome");
        Button close = new Button("Close", e -> close());
        close.setId("version-close-dialog");
        getFooter().add(close);
        add(help, note, fromFile, pasted, outcome);
        // A report's link leaves for a place in the text: the dialog closes, and the workspace opens anew.
        var navigation = ui.addAfterNavigationListener(e -> close());
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                navigation.remove();
                if (added) {
                    afterwards.run();
                }
            }
        });
    }

    /** Adds the version: the report, or the refusal's message (nothing was stored then). */
    private Component attempt(Supplier<ReanchorReportView> revise) {
        try {
            ReanchorReportView report = revise.get();
            added = true;
            return report;
        } catch (WorkbenchException | AccessDeniedException e) {
            return refusal(e.getMessage());
        }
    }

    private void show(Component shown) {
        outcome.removeAll();
        outcome.add(shown);
    }

    private void refused(String message) {
        show(refusal(message));
    }

    private static Div refusal(String message) {
        Div line = new Div(new Span(message));
        line.setId("version-refused");
        line.addClassName("cb-import-error");
        line.getElement().setAttribute("role", "alert");
        return line;
    }
}
