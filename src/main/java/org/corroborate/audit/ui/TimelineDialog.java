package org.corroborate.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import java.time.ZoneId;
import java.util.List;
import org.corroborate.audit.AuditEventView;
import org.corroborate.audit.AuditService;
import org.springframework.security.access.AccessDeniedException;

/** Everything that happened to one entity, oldest first, each step with its before/after. */
public class TimelineDialog extends Dialog {

    public TimelineDialog(AuditService audit, String entityType, String entityId, String title) {
        setHeaderTitle(title);
        setId("timeline-dialog");
        setWidth("min(52rem, 95vw)");
        try {
            List<AuditEventView> events = audit.timeline(entityType, entityId);
            if (events.isEmpty()) {
                add(new Paragraph("Nothing recorded yet."));
            }
            for (AuditEventView event : events) {
                H4 step = new H4(AuditEventDialog.TIME.format(event.occurredAt().atZone(ZoneId.systemDefault()))
                        + " · " + event.action() + " by " + event.actor()
                        + (event.reason() == null ? "" : " — “" + event.reason() + "”"));
                Div entry = new Div(step, new ChangeDiff(event));
                entry.addClassName("cb-timeline-entry");
                add(entry);
            }
        } catch (AccessDeniedException e) {
            add(new Paragraph(e.getMessage()));
        }
        getFooter().add(new Button("Close", e -> close()));
    }
}
