package org.corroborate.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceVersionDetails;
import org.corroborate.source.SourceVersionSummary;

/**
 * A source's versions, first to current: who added each, when, why, its length and text hash, and a
 * way to read an earlier one (read-only). Overseers also get "New version" (see {@link NewVersionDialog}).
 */
class VersionsPanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    VersionsPanel(SourceService sources, long sourceId, Runnable newVersion) {
        setId("source-versions");
        addClassName("cb-versions");
        add(new H3("Versions"));
        if (newVersion != null) {
            Button add = new Button("New version", e -> newVersion.run());
            add.setId("new-version");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            add.setTooltipText("Import a corrected text or file as this source's next version; annotations follow");
            add(add);
        }
        List<SourceVersionSummary> versions = sources.versions(sourceId);
        Div list = new Div();
        list.setId("version-list");
        list.getElement().setAttribute("role", "list");
        for (SourceVersionSummary version : versions.reversed()) {
            list.add(entry(sources, version));
        }
        add(list);
    }

    private Div entry(SourceService sources, SourceVersionSummary version) {
        Span number = new Span("Version " + version.number() + (version.current() ? " (current)" : ""));
        number.addClassName("cb-version-number");
        Span when = new Span(version.createdBy() + " · " + TIME.format(version.createdAt().atZone(ZoneId.systemDefault())));
        when.addClassName("cb-muted");
        Span size = new Span(String.format(Locale.ROOT, "%,d characters · SHA-256 %s…", version.length(),
                version.sha256().substring(0, 12)));
        size.addClassName("cb-muted");
        Div entry = new Div(number, when, size);
        entry.getElement().setAttribute("role", "listitem");
        entry.addClassName("cb-version");
        entry.setId("version-" + version.number());
        if (version.note() != null) {
            Paragraph note = new Paragraph(version.note());
            note.addClassName("cb-version-note");
            entry.add(note);
        }
        if (!version.current()) {
            Button read = new Button("Read version " + version.number(),
                    e -> read(sources.version(version.source(), version.number())));
            read.setId("read-version-" + version.number());
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            entry.add(read);
        }
        return entry;
    }

    /** An earlier version's text, read-only: annotations belong to the current text. */
    private static void read(SourceVersionDetails details) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Version " + details.version().number() + " (read-only)");
        dialog.setWidth("min(48rem, 95vw)");
        Paragraph about = new Paragraph("Added by " + details.version().createdBy() + " on "
                + TIME.format(details.version().createdAt().atZone(ZoneId.systemDefault()))
                + ". Annotations are made on the current version; this text is shown as it was.");
        about.addClassName("cb-muted");
        Div text = new Div();
        text.setText(details.text());
        text.setId("version-text");
        text.addClassName("cb-version-text");
        text.getElement().setAttribute("tabindex", "0");
        text.getElement().setAttribute("aria-label", "Text of version " + details.version().number());
        Button close = new Button("Close", e -> dialog.close());
        close.setId("version-close");
        dialog.getFooter().add(close);
        dialog.add(about, text);
        dialog.open();
    }
}
