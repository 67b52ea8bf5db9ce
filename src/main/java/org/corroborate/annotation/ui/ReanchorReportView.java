package org.corroborate.annotation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.version.RevisionReport;
import org.corroborate.annotation.version.SourceRevisionService;
import org.corroborate.source.version.Reanchoring;
import java.util.Locale;

/**
 * What a new version did to the work on a source: how many annotations stayed, moved, changed or
 * were orphaned, and each one moved, changed or orphaned (and the relations and claim memberships
 * touching them), moved and changed ones linking to their new place ({@code sources/ID?at=START-END},
 * code points). Orphans have no place in the new text: they are listed to re-anchor by hand.
 */
class ReanchorReportView extends Div {

    /** One line of the report: what (an annotation, a relation, a membership), what became of it, where. */
    record Line(String what, String outcome, String description, Integer start, Integer end) {}

    /** The report of a new version as {@link SourceRevisionService#revise} answers it. */
    static ReanchorReportView of(RevisionReport report) {
        Map<Long, RevisionReport.Reanchored> byId = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (RevisionReport.Reanchored a : report.annotations()) {
            byId.put(a.id(), a);
            boolean orphan = a.outcome() == Reanchoring.Outcome.ORPHANED;
            lines.add(new Line(a.label() + " by " + a.author(), a.outcome().name(),
                    "“" + (orphan ? a.oldText() : a.text()) + "” (was " + a.oldStart() + "–" + a.oldEnd()
                            + (orphan ? "" : ", now " + a.start() + "–" + a.end()) + ")",
                    orphan ? null : a.start(), orphan ? null : a.end()));
        }
        for (RevisionReport.AffectedRelation r : report.relations()) {
            Reanchoring.Outcome worst = r.fromOutcome() == Reanchoring.Outcome.ORPHANED ? r.fromOutcome() : r.toOutcome();
            RevisionReport.Reanchored end = byId.getOrDefault(r.from(), byId.get(r.to()));
            lines.add(new Line("Relation " + r.type(), worst.name(), "between annotations " + r.from() + " and "
                    + r.to(), end == null || worst == Reanchoring.Outcome.ORPHANED ? null : end.start(),
                    end == null || worst == Reanchoring.Outcome.ORPHANED ? null : end.end()));
        }
        for (RevisionReport.AffectedMembership m : report.memberships()) {
            RevisionReport.Reanchored a = byId.get(m.annotation());
            boolean orphan = m.outcome() == Reanchoring.Outcome.ORPHANED;
            lines.add(new Line("Claim membership (" + m.stance() + ")", m.outcome().name(), "“" + m.statement()
                    + "”", a == null || orphan ? null : a.start(), a == null || orphan ? null : a.end()));
        }
        RevisionReport.Counts counts = report.counts();
        return new ReanchorReportView(report.source().id(), report.version().number(), counts.unchanged(),
                counts.moved(), counts.changed(), counts.orphaned(), lines);
    }

    ReanchorReportView(long sourceId, int version, int unchanged, int moved, int changed, int orphaned,
                       List<Line> lines) {
        setId("reanchor-report");
        addClassName("cb-reanchor-report");
        getElement().setAttribute("role", "status");
        Paragraph summary = new Paragraph(String.format(Locale.ROOT,
                "Version %d is now the current text. Annotations: %d unchanged, %d moved, %d changed, %d orphaned.",
                version, unchanged, moved, changed, orphaned));
        summary.setId("reanchor-summary");
        add(summary);
        for (String outcome : List.of("MOVED", "CHANGED", "ORPHANED")) {
            List<Line> of = lines.stream().filter(l -> l.outcome().equals(outcome)).toList();
            if (of.isEmpty()) {
                continue;
            }
            add(new H4(switch (outcome) {
                case "MOVED" -> "Moved (same text, new place)";
                case "CHANGED" -> "Changed (the text they cover was edited)";
                default -> "Orphaned (not found in the new text: re-anchor them by hand)";
            }));
            UnorderedList list = new UnorderedList();
            list.setId("reanchor-" + outcome.toLowerCase(Locale.ROOT));
            for (Line line : of) {
                ListItem item = new ListItem(new Span(line.what() + ": "));
                if (line.start() != null && !outcome.equals("ORPHANED")) {
                    Anchor place = new Anchor("sources/" + sourceId + "?at=" + line.start() + "-" + line.end(),
                            line.description());
                    place.getElement().setAttribute("router-link", true);
                    item.add(place);
                } else {
                    item.add(new Span(line.description()));
                }
                list.add(item);
            }
            add(list);
        }
    }
}
