package org.corroborate.source.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;

/** One source: its text, shown as text and never as markup, beside its provenance. */
@Route("sources")
@PermitAll
public class ReaderView extends HorizontalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final SourceService sources;
    private String title = "Source";

    public ReaderView(SourceService sources) {
        this.sources = sources;
        setSizeFull();
        addClassName("cb-reader");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        SourceDetails details;
        try {
            details = sources.get(id);
        } catch (WorkbenchException e) {
            H2 missing = new H2("No such source");
            add(new Div(missing, new Span(e.getMessage()), new RouterLink("Back to the library", LibraryView.class)));
            return;
        }
        SourceSummary source = details.source();
        title = source.title();

        H2 heading = new H2(source.title());
        heading.setId("source-title");
        Div text = new Div();
        text.setId("source-text");
        text.addClassName("cb-source-text");
        text.setText(details.text());
        Div reading = new Div(new RouterLink("← Library", LibraryView.class), heading, text);
        reading.addClassName("cb-reading");

        add(reading, metadata(source));
    }

    private static Div metadata(SourceSummary source) {
        Div panel = new Div();
        panel.setId("source-metadata");
        panel.addClassName("cb-metadata");
        panel.add(new H2("Provenance"));
        field(panel, "Publisher", source.publisher());
        field(panel, "Author", source.author());
        if (source.url() != null) {
            Anchor link = new Anchor(source.url(), source.url(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            panel.add(row("URL", link));
        }
        field(panel, "Published", source.published() == null ? null : source.published().toString());
        field(panel, "Retrieved", source.retrieved() == null ? null : source.retrieved().toString());
        field(panel, "Language", source.language());
        field(panel, "Original file", source.originFileName());
        field(panel, "Imported by", source.importedBy());
        field(panel, "Imported at", TIME.format(source.importedAt().atZone(ZoneId.systemDefault())));
        field(panel, "Length", String.format(Locale.ROOT, "%,d characters (code points)", source.length()));
        Span hash = new Span(source.sha256());
        hash.setId("source-sha256");
        hash.addClassName("cb-hash");
        panel.add(row("SHA-256", hash));
        return panel;
    }

    private static void field(Div panel, String label, String value) {
        if (value != null && !value.isBlank()) {
            panel.add(row(label, new Span(value)));
        }
    }

    private static Div row(String label, com.vaadin.flow.component.Component value) {
        Span name = new Span(label);
        name.addClassName("cb-metadata-label");
        Div row = new Div(name, value);
        row.addClassName("cb-metadata-row");
        return row;
    }

    @Override
    public String getPageTitle() {
        return title + " · Corroborate";
    }
}
