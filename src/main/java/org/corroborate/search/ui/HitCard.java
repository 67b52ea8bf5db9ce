package org.corroborate.search.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import java.util.stream.Collectors;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.PersonMark;
import org.corroborate.search.SearchHit;
import org.corroborate.search.SearchKind;

/**
 * One search hit: what it is (a place in a text, or an annotation with its label chip, author mark
 * and decision), the source's title as the link that opens the workspace at the hit
 * ({@link SearchLink#place}), the snippet with the matched words marked, and for an annotation its
 * attributes and note.
 */
final class HitCard extends Div {

    /** The colour of a label by its name, or null when its project's scheme lacks it. */
    interface LabelColors {
        LabelChip chip(long project, String label);
    }

    HitCard(SearchHit hit, int index, LabelColors labels) {
        addClassName("cb-search-hit");
        getElement().setAttribute("data-kind", hit.kind() == SearchKind.TEXT ? "text" : "annotation");
        getElement().setAttribute("role", "listitem");
        Div meta = new Div();
        meta.addClassName("cb-search-hit-meta");
        Span kind = new Span(hit.kind() == SearchKind.TEXT ? "Text" : "Annotation");
        kind.addClassName("cb-search-kind");
        meta.add(kind);
        SearchHit.AnnotationHit annotation = hit.annotation();
        if (annotation != null) {
            getElement().setAttribute("data-annotation", String.valueOf(annotation.id()));
            meta.add(labels.chip(hit.project(), annotation.label()), author(annotation.author()));
            if ("accepted".equals(annotation.decision()) || "rejected".equals(annotation.decision())) {
                Span decision = new Span("accepted".equals(annotation.decision()) ? "In gold" : "Rejected");
                decision.addClassNames("cb-search-decision", annotation.decision());
                meta.add(decision);
            }
        }
        Span at = new Span("at " + hit.start() + "–" + hit.end());
        at.addClassName("cb-search-at");
        at.getElement().setAttribute("title", "Code points from the start of the text");
        meta.add(at);

        Anchor open = new Anchor(SearchLink.place(hit), hit.sourceTitle() == null ? "Source " + hit.source()
                : hit.sourceTitle());
        open.addClassName("cb-search-open");
        open.setId("hit-" + index);
        Div title = new Div(open);
        title.addClassName("cb-search-hit-title");
        add(title, meta, new Snippet(hit.snippet(), hit.highlights()));
        if (annotation != null && (!annotation.attributes().isEmpty() || annotation.note() != null)) {
            add(details(annotation.attributes(), annotation.note()));
        }
    }

    private static Span author(String name) {
        PersonMark mark = PersonMark.of(name == null ? "?" : name);
        Span badge = new Span(mark.initials());
        badge.addClassName("cb-person-badge");
        badge.getStyle().set("background", mark.color());
        badge.getElement().setAttribute("aria-hidden", "true");
        Span person = new Span(badge, new Span(mark.name()));
        person.addClassName("cb-search-author");
        return person;
    }

    private static Div details(Map<String, String> attributes, String note) {
        Div details = new Div();
        details.addClassName("cb-search-hit-details");
        if (!attributes.isEmpty()) {
            details.add(new Span(attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" · "))));
        }
        if (note != null && !note.isBlank()) {
            Span noteSpan = new Span("Note: " + note);
            noteSpan.addClassName("cb-search-note");
            details.add(noteSpan);
        }
        return details;
    }
}
