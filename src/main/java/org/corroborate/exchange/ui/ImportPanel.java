package org.corroborate.exchange.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.Busy;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.SpooledUpload;
import org.corroborate.exchange.ImportFormat;
import org.corroborate.exchange.ImportService;

/**
 * The Exchange page's import card: supervisors and administrators choose a format (every format
 * that imports, with the file types it declares), upload a corpus to import or only check, and
 * read what it did; everyone else is told whom to ask.
 */
class ImportPanel extends Div {

    /** Chosen first when there is such a format: it reads back everything the workbench exports. */
    private static final String PREFERRED = "jsonl";

    private final ImportService imports;
    private final long projectId;
    private final Select<ImportFormat> format = new Select<>();
    private final Paragraph help = new Paragraph();
    private final Div report = new Div();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div progress = new Div(progressText, progressBar);
    private final AtomicReference<String> formatChosen = new AtomicReference<>();
    private final AtomicReference<Boolean> dryChosen = new AtomicReference<>(false);
    private final AtomicReference<String> authorChosen = new AtomicReference<>();
    private Upload upload;

    ImportPanel(ImportService imports, long projectId, boolean mayImport, List<String> annotators,
                String defaultAuthor) {
        this.projectId = projectId;
        this.imports = imports;
        addClassName("cb-exchange-card");
        add(new H3("Import"));
        if (!mayImport) {
            Paragraph only = new Paragraph("Supervisors and administrators import corpora; ask one of them.");
            only.addClassName("cb-muted");
            add(only);
            return;
        }
        List<ImportFormat> formats = imports.formats();
        format.setLabel("Format of the upload");
        format.setId("import-format");
        format.setItems(formats);
        format.setItemLabelGenerator(ImportFormat::title);
        format.setWidthFull();
        Checkbox dryRun = new Checkbox("Only check: report what would change and keep nothing");
        dryRun.setId("import-dry-run");
        dryRun.addValueChangeListener(e -> dryChosen.set(e.getValue()));
        help.addClassName("cb-muted");
        // Plain doccano lines (and brat or W3C spans without an author) are someone's work: whose, is chosen here.
        Select<String> author = new Select<>();
        author.setLabel("Author of spans the file names no author for");
        author.setId("import-author");
        author.setItems(annotators);
        author.setWidthFull();
        author.setHelperText("Plain doccano lines carry no author. A span already imported at the same place with "
                + "the same label is recognised, whoever imports it again.");
        author.addValueChangeListener(e -> authorChosen.set(e.getValue()));
        if (defaultAuthor != null && annotators.contains(defaultAuthor)) {
            author.setValue(defaultAuthor);
        } else {
            author.setPlaceholder("Choose a reviewer or supervisor");
        }
        upload = upload(UI.getCurrent());
        report.setId("import-report");
        progress.setId("import-progress");
        progress.setVisible(false);
        progressBar.setId("import-progress-bar");
        progressBar.getElement().setAttribute("aria-label", "Import progress");
        progressText.addClassName("cb-muted");
        format.addValueChangeListener(e -> chosen(e.getValue()));
        formats.stream().filter(f -> f.id().equals(PREFERRED)).findFirst()
                .or(() -> formats.stream().findFirst()).ifPresent(format::setValue);
        add(format, author, dryRun, help, upload, progress, report);
    }

    private Upload upload(UI ui) {
        // Streamed to a temporary file and refused while it arrives once it passes the import limit;
        // the import itself waits for any other one to finish (one at a time, API or page).
        long max = imports.maxImportBytes();
        Upload upload = new Upload(new SpooledUpload(max, name -> imports.tooLarge().getMessage(), null,
                (fileName, file) -> {
                    Div outcome;
                    ImportService.Progress shown = (done, total) -> progress(ui, fileName, done, total);
                    try (InputStream in = Files.newInputStream(file)) {
                        outcome = ImportReportView.of(imports.importCorpus(projectId, formatChosen.get(), fileName, in,
                                dryChosen.get(), authorChosen.get(), shown));
                    } catch (WorkbenchException e) {
                        outcome = ImportReportView.refused(fileName, e.getMessage());
                    } catch (RuntimeException e) {
                        if (!Busy.isBusy(e)) {
                            ui.access(() -> progress.setVisible(false));
                            throw e;
                        }
                        outcome = ImportReportView.refused(fileName, Busy.MESSAGE + " What was imported before "
                                + "stays; importing the same file again completes it.");
                    }
                    show(ui, outcome);
                },
                (fileName, message) -> show(ui, ImportReportView.refused(fileName, message))));
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setId("corpus-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max)); // the browser's check: a convenience
        upload.setDropAllowed(true);
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> {
            report.removeAll();
            report.add(ImportReportView.refused(e.getFileName(), e.getErrorMessage()));
        });
        return upload;
    }

    /** Readies the upload for the chosen format: its description, and only the file types it declares. */
    private void chosen(ImportFormat chosen) {
        formatChosen.set(chosen == null ? null : chosen.id());
        format.setHelperText(chosen == null ? null : chosen.description());
        List<String> types = chosen == null ? List.of() : chosen.fileTypes();
        String files = files(types);
        help.setText("Drop " + files + ". Sources are matched by the hash of their text; what is already here is "
                + "kept, and differences are reported. A malformed file changes nothing and the message names file "
                + "and line.");
        upload.setAcceptedFileTypes(types.toArray(String[]::new));
        // The browser's refusals say the same as the server's, not the component's bare "File is Too Big".
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(imports.tooLarge().getMessage())
                .setIncorrectFileType("Import " + files + "."));
        upload.setI18n(i18n);
    }

    /** "a .zip file", "a .zip, .jsonld or .json file". */
    static String files(List<String> types) {
        if (types.isEmpty()) {
            return "a file";
        }
        String listed = types.size() == 1 ? types.getFirst()
                : String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.getLast();
        return "a " + listed + " file";
    }

    /** Shows how far the import got (pushed after each batch it commits): "12,500 of 100,000 spans". */
    private void progress(UI ui, String fileName, long done, long total) {
        ui.access(() -> {
            progress.setVisible(true);
            progressBar.setIndeterminate(total == 0);
            progressBar.setValue(total == 0 ? 0 : Math.min(1.0, (double) done / total));
            progressText.setText(String.format("Importing %s: %,d of %,d spans", fileName, done, total));
        });
    }

    /** Shows an import's report in place of the last one, and readies the upload for the next file. */
    private void show(UI ui, Div outcome) {
        ui.access(() -> {
            progress.setVisible(false);
            report.removeAll();
            report.add(outcome);
            upload.clearFileList();
        });
    }
}
