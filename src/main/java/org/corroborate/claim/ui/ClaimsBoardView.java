package org.corroborate.claim.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.corroborate.base.ui.Notifications;
import org.corroborate.claim.ClaimBoard;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ClaimUpdates;
import org.corroborate.claim.Stance;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;

/**
 * The claims board (route {@code claims}): the current project's claims by sources, contradictions and
 * drift first, with filters (statement, source, stance, only contradicted, only drifting), a CSV export
 * of what is shown, and "New claim". A thin binding of {@link ClaimBoard} and {@link ClaimsBoardElement};
 * it reads the board again when a claim of the project changes on any node.
 */
@Route("claims")
@PageTitle("Claims · Corroborate")
@Menu(order = 58, title = "Claims", icon = "vaadin:connect-o")
@PermitAll
@StyleSheet("claims.css")
public class ClaimsBoardView extends VerticalLayout {

    private final ClaimBoard board;
    private final ClaimService claims;
    private final ClaimUpdates updates;
    private final long projectId;
    private final boolean readable;
    private final ClaimsBoardElement grid = new ClaimsBoardElement();
    private final TextField text = new TextField();
    private final ComboBox<ClaimBoard.Source> source = new ComboBox<>("Source");
    private final Select<Stance> stance = new Select<>();
    private final Checkbox contradictions = new Checkbox("Only with contradictions");
    private final Checkbox drift = new Checkbox("Only with drift");
    private AutoCloseable subscription;

    public ClaimsBoardView(ClaimBoard board, ClaimService claims, ClaimUpdates updates, ProjectService projects,
                           CurrentProject currentProject) {
        this.board = board;
        this.claims = claims;
        this.updates = updates;
        this.projectId = currentProject.id().orElse(0L);
        this.readable = projectId > 0 && projects.mayRead(projectId);
        addClassName("cb-claims-board-view");
        setSizeFull();

        Button create = new Button("New claim", VaadinIcon.PLUS.create(), e -> openNewClaim());
        create.setId("new-claim");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(readable && (projects.annotates(projectId) || projects.oversees(projectId)));
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName("claims-board-" + projectId + ".csv");
            event.setContentType("text/csv");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                board.writeCsv(projectId, filter(), out);
            }
        }, "");
        export.getElement().setAttribute("download", true);
        Button exportButton = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.setId("board-csv");
        export.setVisible(readable);
        Div top = new Div(new H2("Claims"), create, export);
        top.addClassName("cb-board-top");

        text.setLabel("Statement");
        text.setPlaceholder("Words in the statement");
        text.setId("board-text");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        source.setId("board-source");
        source.setItemLabelGenerator(s -> s.title() + (s.published() == null ? "" : " · " + s.published()));
        source.setClearButtonVisible(true);
        stance.setLabel("Stance");
        stance.setId("board-stance");
        stance.setItems(Stance.values());
        stance.setEmptySelectionAllowed(true);
        stance.setEmptySelectionCaption("Any");
        stance.setItemLabelGenerator(s -> s == null ? "Any" : ClaimBoard.word(s));
        contradictions.setId("board-contradictions");
        drift.setId("board-drift");
        text.addValueChangeListener(e -> applyFilter());
        source.addValueChangeListener(e -> applyFilter());
        stance.addValueChangeListener(e -> applyFilter());
        contradictions.addValueChangeListener(e -> applyFilter());
        drift.addValueChangeListener(e -> applyFilter());
        Div filters = new Div(text, source, stance, contradictions, drift);
        filters.addClassName("cb-board-filters");

        Div legend = new Div(mark("●", "carries", "SUPPORTS"), mark("✕", "contradicts", "CONTRADICTS"),
                mark("◐", "qualifies", "QUALIFIES"), mark("·", "silent", "SILENT"), mark("Δ", "details drift", "DRIFT"));
        legend.addClassName("cb-board-legend");
        legend.getElement().setAttribute("aria-label", "Legend");

        grid.setId("claims-board");
        grid.addClassName("cb-board-grid");
        grid.setEmptyText(readable ? "No claims match. Claims are made in a source's workspace (Claims panel) or with New claim."
                : "Choose a project to see its claims.");
        grid.addOpenClaimListener(e -> getUI().ifPresent(ui -> ui.navigate("claims/" + e.claim())));
        grid.addOpenCellListener(e -> getUI().ifPresent(ui -> ui.navigate("sources/" + e.source(),
                QueryParameters.of("at", e.start() + "-" + e.end()))));
        add(top, filters, legend, grid);
        setFlexGrow(1, grid);
        reload();
    }

    private static Span mark(String glyph, String word, String kind) {
        Span glyphSpan = new Span(glyph);
        glyphSpan.addClassNames("cb-stance-glyph", kind);
        glyphSpan.getElement().setAttribute("aria-hidden", "true");
        Span item = new Span(glyphSpan, new Span(word));
        item.addClassName("cb-legend-item");
        return item;
    }

    private ClaimBoard.Filter filter() {
        return new ClaimBoard.Filter(text.getValue(), source.getValue() == null ? null : source.getValue().id(),
                stance.getValue(), contradictions.getValue(), drift.getValue());
    }

    private void applyFilter() {
        grid.filter(filter());
    }

    private void reload() {
        if (!readable) {
            return;
        }
        ClaimBoard.Board all = board.board(projectId, ClaimBoard.Filter.NONE);
        ClaimBoard.Source chosen = source.getValue();
        source.setItems(all.sources());
        if (chosen != null) {
            all.sources().stream().filter(s -> s.id() == chosen.id()).findFirst().ifPresent(source::setValue);
        }
        grid.show(all);
        applyFilter();
    }

    private void openNewClaim() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New claim");
        dialog.setWidth("min(36rem, 95vw)");
        TextArea statement = new TextArea("Statement");
        statement.setId("new-claim-statement");
        statement.setWidthFull();
        statement.setMaxLength(ClaimService.MAX_STATEMENT);
        statement.setHelperText("One checkable statement, such as “Seventeen officers were injured”. Add passages "
                + "to it from a source's workspace (Claims panel).");
        Button save = new Button("Create", e -> {
            if (statement.getValue().isBlank()) {
                statement.setInvalid(true);
                statement.setErrorMessage("Write the statement.");
                return;
            }
            ClaimDetails created = claims.create(projectId, statement.getValue().strip());
            dialog.close();
            Notifications.success("Claim created.");
            getUI().ifPresent(ui -> ui.navigate("claims/" + created.id()));
        });
        save.setId("new-claim-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(statement);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        statement.focus();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!readable) {
            return;
        }
        UI ui = event.getUI();
        subscription = updates.subscribe(projectId, change -> ui.access(this::reload));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            subscription = null;
        }
    }
}
