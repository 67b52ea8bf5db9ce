package org.corroborate.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.corroborate.source.SourceSummary;

/** Where a source came from: publisher, author, address, dates, who imported it, its length and hash. */
public class ProvenancePanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    public ProvenancePanel(SourceSummary source) {
        setId("source-metadata");
        addClassName("cb-metadata");
        add(new H3("Provenance"));
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
        field("Original file", source.originFileName());
        field("Imported by", source.importedBy());
        field("Imported at", TIME.format(source.importedAt().atZone(ZoneId.systemDefault())));
        field("Length", String.format(Locale.ROOT, "%,d characters (code points)", source.length()));
        Span hash = new Span(source.sha256());
        hash.setId("source-sha256");
        hash.addClassName("cb-hash");
        add(row("SHA-256", hash));
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
