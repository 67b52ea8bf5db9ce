package org.corroborate.claim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.corroborate.claim.ClaimBoard;
import org.corroborate.claim.MemberDetails;
import org.corroborate.claim.MemberOutcome;
import org.corroborate.claim.Stance;
import org.corroborate.claim.drift.Drift;
import org.corroborate.claim.drift.DriftValue;

/**
 * One member of a claim on the claim page: its source (a link to the passage, {@code sources/{id}?at=START-END}),
 * publisher and date, stance (glyph and word), the excerpt with its drifting details marked, who
 * added it, the supervisor's decision, and the actions the viewer may take on it.
 */
final class MemberCard extends Div {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    /** What the viewer may do with this member: decide (overseers), remove (who added it, or overseers). */
    record Actions(Runnable accept, Runnable reject, Runnable remove) {}

    MemberCard(MemberDetails member, List<Drift> drift, boolean first, Actions actions) {
        addClassName("cb-member-card");
        getElement().setAttribute("data-annotation", String.valueOf(member.annotation()));
        getElement().setAttribute("role", "article");
        getElement().setAttribute("aria-label", member.title());

        Anchor title = new Anchor("sources/" + member.source() + "?at=" + member.start() + "-" + member.end(),
                member.title());
        title.getElement().setAttribute("router-link", true);
        title.addClassName("cb-member-source");
        Div where = new Div(new Text((member.publisher() == null || member.publisher().isBlank() ? ""
                : member.publisher() + " · ") + (member.published() == null ? "no date" : DATE.format(member.published()))));
        where.addClassName("cb-member-where");
        Div head = new Div(title, where);
        head.addClassName("cb-member-head");
        if (first) {
            Span firstMark = new Span("first report");
            firstMark.addClassName("cb-first-mark");
            head.add(firstMark);
        }
        add(head, stance(member.stance()), excerpt(member, drift));

        Div meta = new Div(new Text(member.label() + " by " + member.author() + " · added by " + member.addedBy()));
        meta.addClassName("cb-member-meta");
        add(meta);
        if (member.decision() != null) {
            Div decision = new Div(new Text((member.decision().outcome() == MemberOutcome.ACCEPTED ? "Accepted" : "Rejected")
                    + " by " + member.decision().decidedBy() + ", " + WHEN.format(member.decision().decidedAt()) + ": "
                    + member.decision().reason()));
            decision.addClassNames("cb-decision", member.decision().outcome().name());
            add(decision);
        }
        Div buttons = new Div();
        buttons.addClassName("cb-member-actions");
        if (actions.accept() != null) {
            buttons.add(button(member.decision() != null && member.decision().outcome() == MemberOutcome.ACCEPTED
                    ? "Accept again…" : "Accept…", "accept", actions.accept()));
            buttons.add(button("Reject…", "reject", actions.reject()));
        }
        if (actions.remove() != null) {
            Button remove = button("Remove", "remove", actions.remove());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(remove);
        }
        if (buttons.getComponentCount() > 0) {
            add(buttons);
        }
    }

    private static Button button(String text, String action, Runnable run) {
        Button button = new Button(text, e -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("data-action", action);
        return button;
    }

    static Component stance(Stance stance) {
        Span glyph = new Span(switch (stance) {
            case SUPPORTS -> "●";
            case CONTRADICTS -> "✕";
            case QUALIFIES -> "◐";
        });
        glyph.getElement().setAttribute("aria-hidden", "true");
        Span badge = new Span(glyph, new Text(" " + ClaimBoard.word(stance)));
        badge.addClassNames("cb-stance", stance.name());
        return badge;
    }

    /** The covered text with each drifting value of this member in a mark (code points → string indexes). */
    static Component excerpt(MemberDetails member, List<Drift> drift) {
        String text = member.text();
        List<Range> ranges = new ArrayList<>();
        int length = text.codePointCount(0, text.length());
        for (Drift d : drift) {
            for (DriftValue v : d.values()) {
                if (v.annotation() == member.annotation() && !v.value().isEmpty() && v.start() < v.end()
                        && v.start() >= 0 && v.end() <= length) {
                    ranges.add(new Range(v.start(), v.end(), d.kind(), v.value()));
                }
            }
        }
        ranges.sort(Comparator.comparingInt(Range::start).thenComparingInt(r -> -r.end()));
        Div excerpt = new Div();
        excerpt.addClassName("cb-excerpt");
        int at = 0;
        for (Range range : ranges) {
            if (range.start() < at) {
                continue; // overlaps a mark already made: the first one shows
            }
            excerpt.add(new Text(text.substring(index(text, at), index(text, range.start()))));
            Span mark = new Span(text.substring(index(text, range.start()), index(text, range.end())));
            mark.addClassName("cb-drift-mark");
            mark.getElement().setAttribute("data-kind", range.kind());
            mark.getElement().setAttribute("title", DriftSummary.kindTitle(range.kind()) + " drifts: " + range.value());
            excerpt.add(mark);
            at = range.end();
        }
        excerpt.add(new Text(text.substring(index(text, at))));
        return excerpt;
    }

    private static int index(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    private record Range(int start, int end, String kind, String value) {}
}
