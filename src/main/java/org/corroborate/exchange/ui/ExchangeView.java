package org.corroborate.exchange.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.SpooledUpload;
import org.corroborate.base.WorkbenchException;
import org.corroborate.exchange.ExportFormat;
import org.corroborate.exchange.ExportRequest;
import org.corroborate.exchange.ExportService;
import org.corroborate.exchange.ImportReport;
import org.corroborate.exchange.ImportService;
import org.corroborate.review.ReviewState;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;

/**
 * The corpus in and out: choose format, layer and filters and download the export (a zip with its
 * manifest) while a bar shows its progress; supervisors and administrators upload a corpus to
 * import, or only check it, and read what it did.
 */
@Route("exchange")
@PageTitle("Exchange · Corroborate")
@Menu(order = 70, title = "Exchange", icon = "vaadin:exchange")
@PermitAll
public class ExchangeView extends VerticalLayout {

    private final ExportService exports;
    private final AtomicReference<ExportRequest> chosen = new AtomicReference<>();
    private final Span exportProblem = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Span progress = new Span();
    private final Div exported = new Div();
    private final Div imported = new Div();
    private Anchor download;

    private final Select<ExportFormat> format = new Select<>();
    private final Select<String> layer = new Select<>();
    private final MultiSelectComboBox<SourceSummary> sources = new MultiSelectComboBox<>("Sources");
    private final CheckboxGroup<String> labels = new CheckboxGroup<>("Labels");
    private final CheckboxGroup<ReviewState> states = new CheckboxGroup<>("Review status of the author");

    public ExchangeView(ExportService exports, ImportService imports, SourceService library, SchemeService schemes,
                        AccountService accounts, CurrentActor actor) {
        this.exports = exports;
        addClassName("cb-exchange");
        setWidthFull();
        Paragraph intro = new Paragraph("Every export is a zip: the format's files and manifest.json, with the "
                + "application and scheme version, each source's SHA-256, counts, agreement, every span a format "
                + "could not hold and why, and the audit chain's head. Offsets count Unicode code points.");
        intro.addClassName("cb-muted");
        Div cards = new Div(exportCard(library, schemes, accounts, actor),
                importCard(imports, actor.oversees()));
        cards.addClassName("cb-exchange-cards");
        add(new H2("Exchange"), intro, cards);
    }

    private Div exportCard(SourceService library, SchemeService schemes, AccountService accounts, CurrentActor actor) {
        format.setLabel("Format");
        format.setId("export-format");
        format.setItems(new ArrayList<>(exports.formats()));
        format.setItemLabelGenerator(ExportFormat::title);
        format.setWidthFull();
        format.addValueChangeListener(e -> format.setHelperText(e.getValue() == null ? null
                : e.getValue().description()));
        format.setValue(exports.format("jsonl"));

        boolean mayChooseReviewers = actor.oversees();
        List<String> layers = new ArrayList<>(List.of("all", "gold"));
        if (mayChooseReviewers) {
            accounts.reviewers().forEach(r -> layers.add("reviewer:" + r));
        } else {
            layers.add("reviewer:" + actor.require());
        }
        layer.setLabel("Layer");
        layer.setId("export-layer");
        layer.setItems(layers);
        layer.setItemLabelGenerator(ExchangeView::layerTitle);
        layer.setWidthFull();
        layer.setValue("all");

        sources.setId("export-sources");
        sources.setItems(library.list());
        sources.setItemLabelGenerator(SourceSummary::title);
        sources.setPlaceholder("All sources");
        sources.setWidthFull();
        labels.setId("export-labels");
        labels.setItems(schemes.current().labels().stream().map(LabelScheme.Label::name).toList());
        labels.setRenderer(new ComponentRenderer<>(name -> new LabelChip(name, schemes.current().colorOf(name))));
        labels.setHelperText("None ticked: every label");
        states.setId("export-states");
        states.setItems(ReviewState.values());
        states.setItemLabelGenerator(ReviewState::title);
        states.setHelperText("None ticked: whatever the status");

        format.addValueChangeListener(e -> choose());
        layer.addValueChangeListener(e -> choose());
        sources.addValueChangeListener(e -> choose());
        labels.addValueChangeListener(e -> choose());
        states.addValueChangeListener(e -> choose());
        exportProblem.setId("export-problem");
        exportProblem.addClassName("cb-form-error");

        UI ui = UI.getCurrent();
        download = new Anchor((DownloadHandler) event -> {
            ExportRequest request = chosen.get();
            if (request == null) {
                throw new IllegalStateException("The export choice is not valid; see the message on the page.");
            }
            event.setFileName(request.fileName(java.time.Instant.now()));
            event.setContentType("application/zip");
            ui.access(() -> started());
            try {
                ExportService.ExportSummary outcome = exports.export(request, event.getOutputStream(),
                        throttled(ui));
                ui.access(() -> finished(outcome));
            } catch (RuntimeException e) {
                ui.access(() -> failed(e));
                throw e;
            }
        }, "");
        download.getElement().setAttribute("download", true);
        download.setId("export-download");
        Button button = new Button("Export", VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        download.add(button);

        bar.setId("export-progress");
        bar.setVisible(false);
        progress.setId("export-progress-text");
        progress.addClassName("cb-muted");
        exported.setId("export-result");
        choose();

        com.vaadin.flow.component.orderedlayout.HorizontalLayout filters =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(labels, states);
        filters.setWrap(true);
        Div card = new Div(new H3("Export"), format, layer, sources, filters, exportProblem, download, bar,
                progress, exported);
        card.addClassName("cb-exchange-card");
        return card;
    }

    /** "1 span", "2 spans". */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String layerTitle(String layer) {
        return switch (layer) {
            case "all" -> "Every reviewer's annotations";
            case "gold" -> "Gold layer (adjudicated)";
            default -> "Annotations of " + layer.substring("reviewer:".length());
        };
    }

    /** Checks the choice as the server will, so the download always has a valid request. */
    private void choose() {
        boolean gold = "gold".equals(layer.getValue());
        states.setEnabled(!gold);
        if (gold && !states.getValue().isEmpty()) {
            states.clear();
        }
        try {
            chosen.set(exports.request(format.getValue() == null ? "jsonl" : format.getValue().id(), layer.getValue(),
                    sources.getValue().stream().map(SourceSummary::id).sorted().toList(),
                    List.copyOf(labels.getValue()), states.getValue().stream().map(Enum::name).toList()));
            problem(null);
        } catch (WorkbenchException e) {
            chosen.set(null); // never download a choice the server refuses
            problem(e.getMessage());
        }
    }

    private void problem(String message) {
        exportProblem.setText(message == null ? "" : message);
        exportProblem.setVisible(message != null);
        if (download != null) {
            download.setEnabled(message == null);
        }
    }

    /** Progress for the bar, at most every hundredth of the way, so a large export does not flood the page. */
    private ExportService.Progress throttled(UI ui) {
        return new ExportService.Progress() {
            private int shown = -1;

            @Override
            public void written(int done, int total) {
                int percent = total == 0 ? 100 : (int) (100L * done / total);
                if (percent != shown || done == total) {
                    shown = percent;
                    ui.access(() -> {
                        bar.setValue(total == 0 ? 1 : (double) done / total);
                        progress.setText("Written " + done + " of " + count(total, "source"));
                    });
                }
            }
        };
    }

    private void started() {
        bar.setVisible(true);
        bar.setValue(0);
        progress.setText("Starting the export…");
        exported.removeAll();
    }

    private void finished(ExportService.ExportSummary outcome) {
        bar.setValue(1);
        progress.setText("Done: " + count(outcome.sources(), "source") + ", " + count(outcome.spans(), "span") + ".");
        Paragraph summary = new Paragraph(outcome.skipped() == 0
                ? "Every span is in the export."
                : count(outcome.skipped(), "span") + " could not be written in this format; skipped.csv in the zip lists "
                + "each with the reason, and manifest.json counts them.");
        Span hash = new Span("manifest SHA-256 " + outcome.manifestSha256());
        hash.addClassName("cb-hash");
        exported.add(summary, hash);
    }

    private void failed(RuntimeException e) {
        bar.setVisible(false);
        progress.setText("");
        // Shown, but the choice stays valid: the next try may succeed.
        exportProblem.setText(e instanceof WorkbenchException ? e.getMessage() : "The export stopped: " + e.getMessage());
        exportProblem.setVisible(true);
    }

    private Div importCard(ImportService imports, boolean mayImport) {
        Div card = new Div(new H3("Import"));
        card.addClassName("cb-exchange-card");
        if (!mayImport) {
            Paragraph only = new Paragraph("Supervisors and administrators import corpora; ask one of them.");
            only.addClassName("cb-muted");
            card.add(only);
            return card;
        }
        Select<String> importFormat = new Select<>();
        importFormat.setLabel("Format of the upload");
        importFormat.setId("import-format");
        importFormat.setItems(List.copyOf(imports.formats()));
        importFormat.setItemLabelGenerator(id -> exports.format(id).title());
        importFormat.setValue("jsonl");
        Checkbox dryRun = new Checkbox("Only check: report what would change and keep nothing");
        dryRun.setId("import-dry-run");
        Paragraph help = new Paragraph("Drop a zip as this workbench exports it, a brat zip, or a single .jsonl or "
                + ".jsonld file. Sources are matched by the hash of their text; what is already here is kept, and "
                + "differences are reported. A malformed file changes nothing and the message names file and line.");
        help.addClassName("cb-muted");
        AtomicReference<String> formatChosen = new AtomicReference<>("jsonl");
        AtomicReference<Boolean> dryChosen = new AtomicReference<>(false);
        importFormat.addValueChangeListener(e -> formatChosen.set(e.getValue()));
        dryRun.addValueChangeListener(e -> dryChosen.set(e.getValue()));
        UI ui = UI.getCurrent();
        AtomicReference<Upload> uploadRef = new AtomicReference<>();
        // Streamed to a temporary file and refused while it arrives once it passes the import limit;
        // the import itself waits for any other one to finish (one at a time, API or page).
        long max = imports.maxImportBytes();
        Upload upload = new Upload(new SpooledUpload(max, name -> imports.tooLarge().getMessage(), null,
                (fileName, file) -> {
                    Div report;
                    try (InputStream in = Files.newInputStream(file)) {
                        report = ImportReportView.of(imports.importCorpus(formatChosen.get(), fileName, in,
                                dryChosen.get()));
                    } catch (WorkbenchException e) {
                        report = ImportReportView.refused(fileName, e.getMessage());
                    }
                    show(ui, uploadRef, report);
                },
                (fileName, message) -> show(ui, uploadRef, ImportReportView.refused(fileName, message))));
        upload.setUploadFormat(UploadFormat.RAW);
        uploadRef.set(upload);
        upload.setId("corpus-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max)); // the browser's check: a convenience
        // The browser's refusal says the same as the server's, not the component's bare "File is Too Big".
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(imports.tooLarge().getMessage())
                .setIncorrectFileType("Import a .zip, .jsonl, .ndjson, .jsonld or .json file."));
        upload.setI18n(i18n);
        upload.setAcceptedFileTypes(".zip", ".jsonl", ".ndjson", ".jsonld", ".json");
        upload.setDropAllowed(true);
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> {
            imported.removeAll();
            imported.add(ImportReportView.refused(e.getFileName(), e.getErrorMessage()));
        });
        imported.setId("import-report");
        card.add(importFormat, dryRun, help, upload, imported);
        return card;
    }

    /** Shows an import's report in place of the last one, and readies the upload for the next file. */
    private void show(UI ui, AtomicReference<Upload> upload, Div report) {
        ui.access(() -> {
            imported.removeAll();
            imported.add(report);
            upload.get().clearFileList();
        });
    }

    /** What an import did, for people: the counts, then each conflict and ignored line. */
    static final class ImportReportView {

        private static final int SHOWN = 200;

        private ImportReportView() {}

        static Div of(ImportReport report) {
            Div view = new Div();
            view.addClassName("cb-import-report");
            view.getElement().setAttribute("data-outcome", report.dryRun() ? "checked" : "imported");
            Paragraph head = new Paragraph((report.dryRun() ? "Checked " : "Imported ") + report.file() + ": "
                    + (report.dryRun() ? "nothing was kept. It would bring " : "")
                    + count(report.sourcesImported(), "new source") + " (" + report.sourcesMatched() + " already here), "
                    + count(report.spansImported(), "span") + " (" + report.spansUnchanged() + " already here), "
                    + count(report.verdictsImported(), "verdict") + " and " + count(report.decisionsImported(), "decision")
                    + ".");
            head.addClassName("cb-import-summary");
            view.add(head);
            list(view, "Conflicts: the workbench's version was kept", report.conflicts(), "cb-import-conflicts");
            list(view, "Ignored: no place for these in the workbench", report.ignored(), "cb-import-ignored");
            list(view, "Incomplete: imported without a required attribute", report.incomplete(),
                    "cb-import-incomplete");
            return view;
        }

        static Div refused(String file, String message) {
            Div view = new Div();
            view.addClassNames("cb-import-report", "cb-import-error");
            view.getElement().setAttribute("data-outcome", "refused");
            view.add(new Paragraph("Nothing was imported from " + file + ". " + message));
            return view;
        }

        private static void list(Div view, String title, List<String> lines, String className) {
            if (lines.isEmpty()) {
                return;
            }
            Div block = new Div(new H3(title + " (" + lines.size() + ")"));
            block.addClassName(className);
            lines.stream().limit(SHOWN).forEach(line -> block.add(new Div(line)));
            if (lines.size() > SHOWN) {
                block.add(new Div("… and " + (lines.size() - SHOWN) + " more."));
            }
            view.add(block);
        }
    }
}
