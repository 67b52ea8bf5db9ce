package org.corroborate.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.corroborate.base.ByteCount;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.Notifications;
import org.corroborate.source.SourceSummary;

/**
 * Where a source came from: publisher, author, address, dates, who imported it, its length and the
 * text's hash; for a document also the original file (name, type, size, SHA-256) with a download
 * link and the metadata the file held. Who may edit the source's provenance (title, publisher,
 * author, URL, published) does so here; a colleague's edit meanwhile is reported (409), not overwritten.
 */
public class ProvenancePanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** What the panel shows of a source besides its summary: the original file and what it held. */
    public record Original(String fileName, String mediaType, long size, String sha256, Map<String, String> metadata,
                           java.util.function.Supplier<byte[]> content) {}

    /** Saves edited provenance (a {@link ProvenanceChange}) and answers the source as it is now. */
    @FunctionalInterface
    public interface Editor {
        SourceSummary save(ProvenanceChange change);
    }

    /** The edited fields, with the version of the source they were edited from (409 when it moved on). */
    public record ProvenanceChange(long source, long version, String title, String publisher, String author,
                                   String url, java.time.LocalDate published) {}

    private final Original original;
    private final Editor editor;
    private final Consumer<SourceSummary> onSaved;

    /** A read-only panel for a source without an original file. */
    public ProvenancePanel(SourceSummary source) {
        this(source, null, null, s -> { });
    }

    /**
     * @param original the original file, or null for a text imported as text
     * @param editor   saves an edit, or null when the viewer may not edit
     * @param onSaved  told the source after a saved edit (the workspace retitles itself)
     */
    public ProvenancePanel(SourceSummary source, Original original, Editor editor, Consumer<SourceSummary> onSaved) {
        this.original = original;
        this.editor = editor;
        this.onSaved = onSaved;
        setId("source-metadata");
        addClassName("cb-metadata");
        show(source);
    }

    private void show(SourceSummary source) {
        removeAll();
        add(new H3("Provenance"));
        field("Title", source.title());
        field("Publisher", source.publisher());
        field("Author", source.author());
        if (source.url() != null) {
            Anchor link = new Anchor(source.url(), source.url(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            add(row("URL", link));
        }
        field("Published", source.published() == null ? null : source.published().toString());
        field("Retrieved", source.retrieved() == null ? null : source.retrieved().toString());
        field("Language", source.language());
        if (original == null) {
            field("Original file", source.originFileName());
        }
        field("Imported by", source.importedBy());
        field("Imported at", TIME.format(source.importedAt().atZone(ZoneId.systemDefault())));
        field("Length", String.format(Locale.ROOT, "%,d characters (code points)", source.length()));
        Span hash = new Span(source.sha256());
        hash.setId("source-sha256");
        hash.addClassName("cb-hash");
        add(row("SHA-256 of the text", hash));
        if (original != null) {
            add(originalFile(source));
        }
        if (editor != null) {
            Button edit = new Button("Edit provenance", e -> edit(source));
            edit.setId("provenance-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(edit);
        }
    }

    /** The file the text was read from: name, type, size, its own SHA-256, a download link, its metadata. */
    private Div originalFile(SourceSummary source) {
        Div box = new Div(new H4("Original file"));
        box.setId("source-original");
        box.addClassName("cb-original");
        box.add(row("Name", new Span(original.fileName() == null ? "(no name)" : original.fileName())));
        box.add(row("Type", new Span(original.mediaType())));
        box.add(row("Size", new Span(ByteCount.describe(original.size()))));
        Span hash = new Span(original.sha256());
        hash.setId("original-sha256");
        hash.addClassName("cb-hash");
        box.add(row("SHA-256 of the file", hash));
        // Served in the person's session (the /api address wants an API token, not the session).
        Anchor download = new Anchor((com.vaadin.flow.server.streams.DownloadHandler) event -> {
            event.setFileName(original.fileName() == null ? "original" : original.fileName());
            event.setContentType(original.mediaType());
            event.getOutputStream().write(original.content().get());
        }, "Download the original");
        download.setId("original-download");
        download.getElement().setAttribute("download", true);
        box.add(download);
        if (!original.metadata().isEmpty()) {
            Div held = new Div(new H4("What the file says about itself"));
            held.setId("original-metadata");
            original.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> held.add(row(e.getKey(), new Span(e.getValue()))));
            box.add(held);
        }
        return box;
    }

    private void edit(SourceSummary source) {
        removeAll();
        add(new H3("Edit provenance"));
        TextField title = text("Title", source.title(), "provenance-title");
        title.setRequired(true);
        TextField publisher = text("Publisher", source.publisher(), "provenance-publisher");
        TextField author = text("Author", source.author(), "provenance-author");
        TextField url = text("URL", source.url(), "provenance-url");
        DatePicker published = new DatePicker("Published", source.published());
        published.setId("provenance-published");
        published.setWidthFull();
        Span problem = new Span();
        problem.setId("provenance-problem");
        problem.addClassName("cb-form-problem");
        problem.getElement().setAttribute("role", "alert");
        Button save = new Button("Save", e -> {
            try {
                SourceSummary saved = editor.save(new ProvenanceChange(source.id(), source.version(),
                        title.getValue(), publisher.getValue(), author.getValue(), url.getValue(), published.getValue()));
                Notifications.success("Provenance saved.");
                onSaved.accept(saved);
                show(saved);
            } catch (WorkbenchException refused) {
                problem.setText(refused.kind() == WorkbenchException.Kind.CONFLICT
                        ? "Someone changed this source's provenance meanwhile; nothing was saved. Cancel to see "
                        + "theirs, then edit again." : refused.getMessage());
            }
        });
        save.setId("provenance-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button cancel = new Button("Cancel", e -> show(source));
        cancel.setId("provenance-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div buttons = new Div(save, cancel);
        buttons.addClassName("cb-provenance-buttons");
        add(title, publisher, author, url, published, problem, buttons);
        title.focus();
    }

    private static TextField text(String label, String value, String id) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    private void field(String label, String value) {
        if (value != null && !value.isBlank()) {
            add(row(label, new Span(value)));
        }
    }

    private static Div row(String label, Component value) {
        Span name = new Span(label);
        name.addClassName("cb-metadata-label");
        Div row = new Div(name, value);
        row.addClassName("cb-metadata-row");
        return row;
    }
}
