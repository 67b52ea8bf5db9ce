package org.corroborate.audit.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashSet;
import java.util.Set;
import org.corroborate.audit.AuditEventView;
import tools.jackson.databind.JsonNode;

/** A readable before/after of one audit event: one row per field, changed fields marked. */
public class ChangeDiff extends Div {

    public ChangeDiff(AuditEventView event) {
        addClassName("cb-diff");
        JsonNode before = event.before();
        JsonNode after = event.after();
        Set<String> fields = new LinkedHashSet<>();
        if (before != null && before.isObject()) {
            before.propertyNames().forEach(fields::add);
        }
        if (after != null && after.isObject()) {
            after.propertyNames().forEach(fields::add);
        }
        add(row("field", "before", "after", "cb-diff-head"));
        for (String field : fields) {
            String was = text(before == null ? null : before.get(field));
            String now = text(after == null ? null : after.get(field));
            if ("version".equals(field) || "modifiedAt".equals(field)) {
                continue; // bookkeeping that changes with every edit; the event has its own time
            }
            add(row(field, was, now, was.equals(now) ? "cb-diff-same" : "cb-diff-changed"));
        }
        if (fields.isEmpty()) {
            add(new Span("No state recorded."));
        }
    }

    private static Div row(String field, String before, String after, String style) {
        Div row = new Div(new Span(field), new Span(before), new Span(after));
        row.addClassName("cb-diff-row");
        row.addClassName(style);
        return row;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "—";
        }
        return node.isString() ? node.asString() : node.toString();
    }
}
