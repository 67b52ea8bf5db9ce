package org.corroborate.exchange.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.exchange.ExportFormat;
import org.corroborate.exchange.ExportRequest;
import org.corroborate.exchange.ExportService;
import org.corroborate.review.ReviewState;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;

/**
 * The Exchange page's export card: format (every format that exports), layer and filters, checked
 * as the server will check them, and a download of the zip while a bar shows its progress.
 */
class ExportPanel extends Div {

    /** Chosen first when there is such a format: it loses nothing. */
    private static final String PREFERRED = "jsonl";

    private final ExportService exports;
    private final AtomicReference<ExportRequest> chosen = new AtomicReference<>();
    private final Span problem = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Span progress = new Span();
    private final Div result = new Div();
    private final Anchor download;

    private final long projectId;
    private final Select<ExportFormat> format = new Select<>();
    private final Select<String> layer = new Select<>();
    private final MultiSelectComboBox<SourceSummary> sources = new MultiSelectComboBox<>("Sources");
    private final CheckboxGroup<String> labels = new CheckboxGroup<>("Labels");
    private final CheckboxGroup<ReviewState> states = new CheckboxGroup<>("Review status of the author");

    ExportPanel(ExportService exports, SourceService library, SchemeService schemes, ProjectService projects,
                long projectId, CurrentActor actor) {
        this.exports = exports;
        this.projectId = projectId;
        addClassName("cb-exchange-card");
        List<ExportFormat> formats = exports.formats();
        format.setLabel("Format");
        format.setId("export-format");
        format.setItems(formats);
        format.setItemLabelGenerator(ExportFormat::title);
        format.setWidthFull();
        format.addValueChangeListener(e -> format.setHelperText(e.getValue() == null ? null
                : e.getValue().description()));
        formats.stream().filter(f -> f.id().equals(PREFERRED)).findFirst()
                .or(() -> formats.stream().findFirst()).ifPresent(format::setValue);

        boolean mayChooseReviewers = projects.oversees(projectId);
        List<String> layers = new ArrayList<>(List.of("all", "gold"));
        if (mayChooseReviewers) {
            projects.membersWith(projectId, Role.REVIEWER).forEach(r -> layers.add("reviewer:" + r));
        } else {
            layers.add("reviewer:" + actor.require());
        }
        layer.setLabel("Layer");
        layer.setId("export-layer");
        layer.setItems(layers);
        layer.setItemLabelGenerator(ExportPanel::layerTitle);
        layer.setWidthFull();
        layer.setValue("all");

        sources.setId("export-sources");
        sources.setItems(library.list(projectId));
        sources.setItemLabelGenerator(SourceSummary::title);
        sources.setPlaceholder("All sources");
        sources.setWidthFull();
        labels.setId("export-labels");
        // The scheme's labels and any the project's spans still carry (made under an earlier version).
        labels.setItems(schemes.labelsOfProject(projectId));
        labels.setRenderer(new ComponentRenderer<>(name -> new LabelChip(name, schemes.current(projectId).titleOf(name),
                schemes.current(projectId).colorOf(name))));
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
        problem.setId("export-problem");
        problem.addClassName("cb-form-error");

        download = new Anchor(downloadHandler(UI.getCurrent()), "");
        download.getElement().setAttribute("download", true);
        download.setId("export-download");
        Button button = new Button("Export", VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        download.add(button);

        bar.setId("export-progress");
        bar.setVisible(false);
        progress.setId("export-progress-text");
        progress.addClassName("cb-muted");
        result.setId("export-result");
        choose();

        HorizontalLayout filters = new HorizontalLayout(labels, states);
        filters.setWrap(true);
        add(new H3("Export"), format, layer, sources, filters, problem, download, bar, progress, result);
    }

    /** Streams the chosen export into the download, reporting its progress to the page. */
    private DownloadHandler downloadHandler(UI ui) {
        return event -> {
            ExportRequest request = chosen.get();
            if (request == null) {
                throw new IllegalStateException("The export choice is not valid; see the message on the page.");
            }
            event.setFileName(request.fileName(Instant.now()));
            event.setContentType("application/zip");
            ui.access(this::started);
            // Built whole before the first byte: a failure is shown here, never a download that breaks off.
            try (ExportService.Built built = exports.build(request, throttled(ui))) {
                built.zip().transferTo(event.getOutputStream());
                ui.access(() -> finished(built.summary()));
            } catch (RuntimeException e) {
                ui.access(() -> failed(e));
                throw e;
            }
        };
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
            chosen.set(exports.request(projectId, format.getValue() == null ? PREFERRED : format.getValue().id(),
                    layer.getValue(), sources.getValue().stream().map(SourceSummary::id).sorted().toList(),
                    List.copyOf(labels.getValue()), states.getValue().stream().map(Enum::name).toList()));
            problem(null);
        } catch (WorkbenchException e) {
            chosen.set(null); // never download a choice the server refuses
            problem(e.getMessage());
        }
    }

    private void problem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
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
                        progress.setText("Written " + done + " of " + Counts.of(total, "source"));
                    });
                }
            }
        };
    }

    private void started() {
        bar.setVisible(true);
        bar.setValue(0);
        progress.setText("Starting the export…");
        result.removeAll();
    }

    private void finished(ExportService.ExportSummary outcome) {
        bar.setValue(1);
        progress.setText("Done: " + Counts.of(outcome.sources(), "source") + ", " + Counts.of(outcome.spans(), "span")
                + ".");
        Paragraph summary = new Paragraph(outcome.skipped() == 0 && outcome.adjusted() == 0
                ? "Every span is in the export as the workbench holds it."
                : outcome.skipped() == 0 ? "Every span is in the export." : Counts.of(outcome.skipped(), "span")
                + " could not be written in this format; skipped.csv in the zip lists each with the reason, and "
                + "manifest.json counts them.");
        summary.setId("export-summary");
        result.add(summary);
        result.add(reasons("export-skipped", "Skipped", outcome.skippedByReason()));
        result.add(reasons("export-adjusted", "Written otherwise (manifest.json lists each under 'adjusted')",
                outcome.adjustedByReason()));
        Span hash = new Span("manifest SHA-256 " + outcome.manifestSha256());
        hash.addClassName("cb-hash");
        result.add(hash);
    }

    /** One line per reason with its count; nothing when there is none. */
    private static Div reasons(String id, String title, java.util.Map<String, Long> byReason) {
        Div list = new Div();
        list.setId(id);
        if (byReason.isEmpty()) {
            list.setVisible(false);
            return list;
        }
        list.add(new Span(title + ":"));
        com.vaadin.flow.component.html.UnorderedList items = new com.vaadin.flow.component.html.UnorderedList();
        new java.util.TreeMap<>(byReason).forEach((reason, count) ->
                items.add(new com.vaadin.flow.component.html.ListItem(Counts.of(count, "span") + ": " + reason)));
        list.add(items);
        return list;
    }

    private void failed(RuntimeException e) {
        bar.setVisible(false);
        progress.setText("");
        // Shown, but the choice stays valid: the next try may succeed.
        problem.setText(e instanceof WorkbenchException || e instanceof org.corroborate.exchange.ExportFailure
                ? e.getMessage() : "The export stopped: " + e.getMessage());
        problem.setVisible(true);
    }
}
