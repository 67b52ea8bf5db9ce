package org.corroborate.claim.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corroborate.claim.MemberDetails;
import org.corroborate.claim.drift.Drift;
import org.corroborate.claim.drift.DriftValue;

/** The claim page's drift summary: per kind of detail, what each member says ("—" when it says nothing). */
final class DriftSummary extends Div {

    DriftSummary(List<Drift> drift, List<MemberDetails> members) {
        setId("drift-summary");
        addClassName("cb-drift-summary");
        add(new H3("Details that drift"));
        if (drift.isEmpty()) {
            Div none = new Div(new Text(members.size() < 2 ? "Drift shows once two members state details."
                    : "The members you can see agree on their details (numbers, ages, dates, durations, names)."));
            none.addClassName("cb-muted");
            add(none);
            return;
        }
        Map<Long, MemberDetails> byAnnotation = members.stream()
                .collect(Collectors.toMap(MemberDetails::annotation, Function.identity(), (a, b) -> a));
        for (Drift d : drift) {
            Div row = new Div();
            row.addClassName("cb-drift-row");
            row.getElement().setAttribute("data-kind", d.kind());
            Span kind = new Span(kindTitle(d.kind()));
            kind.addClassName("cb-drift-kind");
            row.add(kind);
            for (DriftValue value : d.values()) {
                MemberDetails member = byAnnotation.get(value.annotation());
                Span item = new Span();
                item.addClassName("cb-drift-value");
                Span said = new Span(value.value().isEmpty() ? "—" : value.value());
                said.addClassName(value.value().isEmpty() ? "cb-muted" : "cb-said");
                item.add(said, new Text(" " + (member == null ? "" : member.title())));
                row.add(item);
            }
            add(row);
        }
    }

    /** A kind of drift as people read it. */
    static String kindTitle(String kind) {
        return switch (kind) {
            case "number" -> "Number";
            case "age" -> "Age";
            case "date" -> "Date";
            case "duration" -> "Duration";
            case "person" -> "Person's name";
            case "organisation" -> "Organisation";
            default -> kind;
        };
    }
}
