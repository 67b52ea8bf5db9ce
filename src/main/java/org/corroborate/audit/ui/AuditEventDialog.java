package org.corroborate.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.corroborate.audit.AuditEventView;

/** One audit event in full: who, when, what, why, from where, its before/after, and its place in the chain. */
public class AuditEventDialog extends Dialog {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z");

    public AuditEventDialog(AuditEventView event) {
        setHeaderTitle("Event " + event.seq() + ": " + event.action());
        setWidth("min(52rem, 95vw)");
        setId("audit-event-dialog");
        Div facts = new Div();
        facts.addClassName("cb-event-facts");
        fact(facts, "When", TIME.format(event.occurredAt().atZone(ZoneId.systemDefault())));
        fact(facts, "Who", event.actor());
        fact(facts, "What", event.entityType() + " " + event.entityId());
        fact(facts, "Source", event.sourceId() == null ? null : String.valueOf(event.sourceId()));
        fact(facts, "Why", event.reason());
        fact(facts, "From", event.origin());
        fact(facts, "Hash", event.hash());
        add(facts, new ChangeDiff(event));
        getFooter().add(new Button("Close", e -> close()));
    }

    private static void fact(Div facts, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span name = new Span(label);
        name.addClassName("cb-metadata-label");
        Span text = new Span(value);
        if (label.equals("Hash")) {
            text.addClassName("cb-hash");
        }
        facts.add(new Div(name, text));
    }
}
