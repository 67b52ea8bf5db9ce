package org.corroborate.source.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import java.nio.file.Files;
import java.util.List;
import org.corroborate.base.ByteCount;
import org.corroborate.base.ui.SpooledUpload;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.ImportOutcome;
import org.corroborate.source.SourceService;

/** Upload of one or several source files, with progress per file and a clear outcome for each. */
class ImportDialog extends Dialog {

    /** The file names and types the dialog offers; the server detects a document's type from its bytes. */
    static final List<String> ACCEPTED = List.of(".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".odt", ".rtf",
            ".eml", "text/plain", "text/markdown", "text/html", "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text", "application/rtf", "text/rtf", "message/rfc822");

    private final Div results = new Div();

    ImportDialog(SourceService sources, long projectId, Runnable onImported) {
        setHeaderTitle("Import sources");
        setWidth("min(40rem, 95vw)");
        UI ui = UI.getCurrent();

        Paragraph help = new Paragraph("Drop documents (PDF, Word .docx, OpenDocument .odt, .rtf, e-mail .eml, "
                + "web pages .html) or plain texts (.txt, .md, UTF-8) here. A document's text is read from the file, "
                + "page by page for a PDF, and the file itself is kept as the original; its title, author and date "
                + "fill the metadata. A text's front-matter block (title, publisher, author, url, published, "
                + "retrieved, language between two '---' lines) sets the metadata; otherwise the first line is the "
                + "title. A text already in the library is reported, not stored twice; a file that cannot be read "
                + "(encrypted, damaged, scanned without text, or not what its name says) is refused and nothing "
                + "is stored.");
        help.addClassName("cb-muted");

        // Each file is streamed to a temporary file and refused while it arrives once it passes the
        // per-file limit, or once the files dropped into this dialog together pass the per-import one.
        long maxFile = sources.maxFileBytes();
        long maxImport = sources.maxImportBytes();
        var allowance = new SpooledUpload.Allowance(maxImport, name -> "The files of this import add up to more "
                + "than " + ByteCount.describe(maxImport) + " (workbench.sources.max-import-size), so '"
                + name + "' was not stored: close this dialog and import the rest in "
                + "another go.");
        // A document may be larger than a text file (workbench.documents.max-bytes): the upload takes the
        // larger limit and each file is then held to the one of its kind before anything is read.
        long maxDocument = sources.maxFileBytes("document.pdf");
        long maxUpload = Math.max(maxFile, maxDocument);
        java.util.function.Function<String, String> overLimit = name -> "'" + name + "' is larger than the "
                + (sources.maxFileBytes(name) == maxFile && maxFile != maxDocument
                ? ByteCount.describe(maxFile) + " this workbench accepts as a source "
                + "(workbench.sources.max-file-size); nothing was stored. Split the text, or ask an operator to "
                + "raise the limit."
                : ByteCount.describe(maxDocument) + " this workbench accepts as a document "
                + "(workbench.documents.max-bytes); nothing was stored. Ask an operator to raise the limit.");
        Upload upload = new Upload(new SpooledUpload(maxUpload, overLimit::apply, allowance,
                (fileName, file) -> {
                    if (Files.size(file) > sources.maxFileBytes(fileName)) {
                        ui.access(() -> results.add(line(false, overLimit.apply(fileName))));
                        return;
                    }
                    // Runs on the upload's request thread: the page shows the extraction's progress meanwhile.
                    ExtractionBar bar = new ExtractionBar(fileName);
                    ui.access(() -> results.add(bar));
                    Div line = outcome(sources, projectId, fileName, Files.readAllBytes(file), bar.progress(ui));
                    ui.access(() -> {
                        results.replace(bar, line);
                        onImported.run();
                    });
                },
                (fileName, message) -> ui.access(() -> results.add(line(false, message)))));
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxUpload)); // the browser's check: a convenience
        // The browser's refusal says the same as the server's, not the component's bare "File is Too Big".
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error().setFileIsTooBig("It is larger than the " + ByteCount.describe(maxUpload)
                + " this workbench accepts as a document (workbench.documents.max-bytes); nothing was stored.")
                .setIncorrectFileType("Only PDF, .docx, .odt, .rtf, .eml, .html, .htm, .txt and .md files can be "
                        + "imported as sources."));
        upload.setI18n(i18n);
        upload.setId("source-upload");
        upload.setAcceptedFileTypes(ACCEPTED.toArray(String[]::new));
        upload.setDropAllowed(true);
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> results.add(line(false, e.getFileName() + ": " + e.getErrorMessage())));

        results.setId("import-results");
        results.addClassName("cb-import-results");
        Button close = new Button("Close", e -> close());
        close.setId("import-close");
        getFooter().add(close);
        add(help, upload, results);
        // The dialog belongs to the UI, not the view: leaving the page (e.g. by a result's link) closes it.
        var navigation = ui.addAfterNavigationListener(e -> close());
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                navigation.remove();
            }
        });
    }

    private static Div outcome(SourceService sources, long projectId, String fileName, byte[] bytes,
                               ExtractionBar.Progress progress) {
        try {
            ImportOutcome outcome = sources.importFile(projectId, fileName, bytes, progress::pages);
            boolean created = outcome.status() == ImportOutcome.Status.IMPORTED;
            Div line = line(true, created ? "Imported " + fileName + " as " : fileName
                    + " is already in the library as ");
            Anchor link = new Anchor(LibraryView.workspacePath(outcome.source().id()), outcome.source().title());
            link.getElement().setAttribute("router-link", true);
            link.addClassName("cb-import-link");
            line.add(link);
            if (!created) {
                line.addClassName("cb-import-duplicate");
            }
            return line;
        } catch (WorkbenchException e) {
            return line(false, e.getMessage());
        }
    }

    private static Div line(boolean ok, String text) {
        Div line = new Div();
        line.addClassName(ok ? "cb-import-ok" : "cb-import-error");
        line.add(ok ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.WARNING.create(), new Span(text));
        return line;
    }
}
