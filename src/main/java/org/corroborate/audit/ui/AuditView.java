package org.corroborate.audit.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.corroborate.audit.AppendOnlyGuard;
import org.corroborate.audit.AuditEventView;
import org.corroborate.audit.AuditFilter;
import org.corroborate.audit.AuditService;
import org.corroborate.audit.AuditVerification;
import org.corroborate.base.ui.Notifications;

/**
 * The audit trail: every change, newest first, filtered by actor, source, action, entity and time;
 * each opens its before/after; the chain can be verified and the filtered log exported. Supervisors
 * see the events of the projects they supervise, reviewers only their own history in their projects
 * (the server enforces it).
 */
@Route("audit")
@PageTitle("Audit trail · Corroborate")
@Menu(order = 80, title = "Audit trail", icon = "vaadin:clipboard-text")
@PermitAll
public class AuditView extends VerticalLayout {

    private final AuditService audit;
    private final boolean everything;
    private final Grid<AuditEventView> grid = new Grid<>();
    private final ComboBox<String> actor = new ComboBox<>("Actor");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final ComboBox<String> entity = new ComboBox<>("Entity");
    private final TextField entityId = new TextField("Entity id");
    private final IntegerField source = new IntegerField("Source id");
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final Span verification = new Span();
    private final Span guardWarning = new Span();

    public AuditView(AuditService audit) {
        this.audit = audit;
        this.everything = audit.readsOthers();
        setSizeFull();
        addClassName("cb-audit");

        H2 title = new H2(everything ? "Audit trail" : "My history");
        HorizontalLayout top = new HorizontalLayout(title);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setWrap(true);
        if (everything) {
            Button verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), e -> verify());
            verify.setId("verify-chain");
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            verification.setId("verification");
            HorizontalLayout actions = new HorizontalLayout(verification, verify,
                    download("CSV", AuditService.AuditFileFormat.CSV), download("JSON Lines", AuditService.AuditFileFormat.JSONL));
            actions.setWrap(true);
            actions.setAlignItems(FlexComponent.Alignment.CENTER);
            actions.addClassName("cb-audit-actions");
            top.add(actions);
            var actors = once(audit::actors);
            actor.setItems(query -> matching(actors.get(), query));
        } else {
            actor.setVisible(false);
        }
        // Loaded when a list is first opened, so the view opens fast on a long log.
        var actions = once(audit::actions);
        var entities = once(audit::entityTypes);
        action.setItems(query -> matching(actions.get(), query));
        entity.setItems(query -> matching(entities.get(), query));
        actor.setId("filter-actor");
        action.setId("filter-action");
        entity.setId("filter-entity");
        entityId.setId("filter-entity-id");
        source.setId("filter-source");
        for (var field : new HasValue<?, ?>[] {actor, action, entity, entityId, source, from, to}) {
            field.addValueChangeListener(e -> refresh());
        }
        entityId.setWidth("8rem");
        source.setWidth("7rem");
        actor.setClearButtonVisible(true);
        action.setClearButtonVisible(true);
        entity.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(actor, action, entity, entityId, source, from, to);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-events");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(AuditEventView::seq).setHeader("#").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(e -> AuditEventDialog.TIME.format(e.occurredAt().atZone(ZoneId.systemDefault())))
                .setHeader("When").setWidth("15.5rem").setFlexGrow(0);
        grid.addColumn(AuditEventView::actor).setHeader("Actor").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(AuditEventView::action).setHeader("Action").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(e -> e.entityType() + " " + e.entityId()).setHeader("Entity").setFlexGrow(1);
        grid.addColumn(e -> e.sourceId() == null ? "" : String.valueOf(e.sourceId())).setHeader("Source")
                .setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader("Reason").setFlexGrow(1);
        grid.addItemClickListener(e -> new AuditEventDialog(e.getItem()).open());
        grid.setEmptyStateText("No events match.");
        grid.setSizeFull();
        add(top, filters, grid);
        if (everything) {
            guardWarning(audit.guardProblems());
        }
        refresh();
    }

    private static Supplier<List<String>> once(Supplier<List<String>> load) {
        List<List<String>> loaded = new ArrayList<>(1);
        return () -> {
            if (loaded.isEmpty()) {
                loaded.add(load.get());
            }
            return loaded.getFirst();
        };
    }

    private static Stream<String> matching(List<String> values,
            Query<String, String> query) {
        String typed = query.getFilter().orElse("").toLowerCase();
        return values.stream().filter(v -> v.toLowerCase().contains(typed))
                .skip(query.getOffset()).limit(query.getLimit());
    }

    private AuditFilter filter() {
        return new AuditFilter(actor.getValue(), source.getValue() == null ? null : source.getValue().longValue(),
                action.getValue(), entity.getValue(), entityId.getValue(), instant(from.getValue()),
                instant(to.getValue()));
    }

    /** Pages lazily, so a log of a million events opens as fast as a short one. */
    private void refresh() {
        AuditFilter filter = filter();
        grid.setItems(query -> audit.search(filter, query.getOffset(), query.getLimit()).stream());
    }

    /** A lasting warning above the log while the database does not refuse changes to it. */
    private void guardWarning(List<String> problems) {
        guardWarning.setId("append-only-warning");
        guardWarning.addClassName("cb-guard-warning");
        boolean readOnly = audit.readOnlyReason().isPresent();
        guardWarning.setText(problems.isEmpty() ? "" : "Warning: " + AppendOnlyGuard.MISSING
                + " (" + String.join("; ", problems) + "). Events could be changed or deleted without the database "
                + "refusing. " + (readOnly ? "The workbench is read-only: every change is refused until the guard is "
                + "restored. " : "") + "Verify the chain, find out who lifted the guard, then re-install it as the "
                + "operations guide says under \"Append-only guard\" and \"Two database roles\".");
        guardWarning.getElement().setAttribute("data-read-only", String.valueOf(readOnly));
        guardWarning.setVisible(!problems.isEmpty());
        if (guardWarning.getParent().isEmpty()) {
            addComponentAtIndex(Math.min(1, getComponentCount()), guardWarning);
        }
    }

    private void verify() {
        AuditVerification result = audit.verify();
        guardWarning(audit.guardProblems());
        if (result.valid()) {
            verification.setText("Chain intact: " + String.format("%,d", result.events()) + " events, head "
                    + result.head().substring(0, 12) + "…" + (result.witnessedSeq() == null ? ""
                    : ", witness saw up to #" + result.witnessedSeq()));
            verification.setTitle("Head hash " + result.head());
            verification.getElement().setAttribute("data-valid", "true");
            Notifications.success("The audit chain is intact (" + result.events() + " events checked in "
                    + result.millis() + " ms).");
        } else {
            verification.setText("Chain broken at event " + result.brokenSeq());
            verification.getElement().setAttribute("data-valid", "false");
            Notifications.error(result.problem());
        }
    }

    private Anchor download(String label, AuditService.AuditFileFormat format) {
        String extension = format == AuditService.AuditFileFormat.CSV ? "csv" : "jsonl";
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            // Streams page by page, however long the log.
            var writer = audit.export(filter(), format);
            event.setFileName("audit." + extension);
            event.setContentType(format == AuditService.AuditFileFormat.CSV ? "text/csv" : "application/x-ndjson");
            writer.accept(event.getOutputStream());
        }, "");
        anchor.getElement().setAttribute("download", true);
        Button button = new Button(label, VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        anchor.add(button);
        anchor.setId("export-" + extension);
        return anchor;
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(ZoneId.systemDefault()).toInstant();
    }

}
