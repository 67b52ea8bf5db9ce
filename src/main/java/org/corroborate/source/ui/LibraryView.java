package org.corroborate.source.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import org.corroborate.base.Role;
import org.corroborate.base.ui.Notifications;
import org.corroborate.base.ui.StateBadge;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.project.ui.CurrentProject;

/** The source library: every text with its provenance, searchable and sortable; import from here. */
@Route("")
@PageTitle("Library · Corroborate")
@Menu(order = 0, title = "Library", icon = "vaadin:book")
@PermitAll
public class LibraryView extends VerticalLayout {

    private static final DateTimeFormatter IMPORTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SourceService sources;
    private final Grid<SourceSummary> grid = new Grid<>();
    private final Span count = new Span();
    private final TextField filter = new TextField();
    private ListDataProvider<SourceSummary> data;


    private final Long projectId;
    private final WorkQueue queue;
    private final List<LibraryExtension> extensions;
    /** What each extension shows in the current listing (re-read on every refresh). */
    private final Map<LibraryExtension, LibraryExtension.Listing> listings = new LinkedHashMap<>();
    /** The extensions' filters and their checkboxes. */
    private final Map<LibraryExtension, Checkbox> filters = new LinkedHashMap<>();

    public LibraryView(SourceService sources, CurrentProject currentProject, ProjectService projects,
                       List<LibraryExtension> extensions, WorkQueue queue) {
        this.sources = sources;
        this.queue = queue;
        this.extensions = extensions;
        var project = currentProject.get();
        this.projectId = project.map(ProjectDetails::id).orElse(null);
        setSizeFull();
        addClassName("cb-library");

        H2 title = new H2("Library");
        // The project's name leads to its members and guidelines (the projects page, by path: source does
        // not depend on the project feature's views).
        Anchor projectName = new Anchor(project.map(p -> "projects/" + p.id()).orElse("projects"),
                project.map(ProjectDetails::name).orElse("No project"));
        projectName.getElement().setAttribute("router-link", true);
        projectName.getElement().setAttribute("title", "The project you are working in: its members and guidelines");
        projectName.setId("library-project");
        projectName.addClassName("cb-library-project");
        count.setId("source-count");
        count.addClassName("cb-muted");
        filter.setId("source-filter");
        filter.setPlaceholder("Filter by title, publisher, author or hash");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addClassName("cb-library-filter");
        filter.addValueChangeListener(e -> applyFilter());
        Button importButton = new Button("Import sources", VaadinIcon.UPLOAD.create(),
                e -> new ImportDialog(sources, projectId, this::refresh).open());
        importButton.setEnabled(projectId != null);
        importButton.setId("import-sources");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout header = new HorizontalLayout(title, projectName, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        header.addClassName("cb-library-header");
        HorizontalLayout toolbar = new HorizontalLayout(filter, importButton);
        if (projectId != null && projects.holds(projectId, Role.SUPERVISOR)) {
            toolbar.addComponentAtIndex(1, blindMenu());
        }
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true); // on a phone the filters and the import button go under the search field
        toolbar.addClassName("cb-library-toolbar");
        HorizontalLayout top = new HorizontalLayout(header, toolbar);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);

        configureGrid();
        if (projectId == null) {
            filter.setEnabled(false);
            Paragraph none = new Paragraph("You are not in any project yet — ask an administrator to add you to one. "
                    + "Each project has its own sources; you see them once you are a member.");
            none.setId("no-project");
            none.addClassName("cb-empty-state");
            add(top, none);
            data = new ListDataProvider<>(new java.util.ArrayList<>());
            return;
        }
        List<SourceSummary> listed = sources.list(projectId);
        addExtensions(toolbar, listed);
        add(top, grid);
        show(listed);
    }

    private void configureGrid() {
        grid.setId("sources");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.setSizeFull();
        grid.addColumn(SourceSummary::title).setHeader("Title").setKey("title").setSortable(true)
                .setFlexGrow(4).setWidth("12rem").setResizable(true)
                .setTooltipGenerator(SourceSummary::title).setComparator(s -> s.title().toLowerCase(Locale.ROOT));
        grid.addColumn(s -> s.publisher() == null ? "" : s.publisher()).setHeader("Publisher").setKey("publisher")
                .setSortable(true).setFlexGrow(1).setWidth("8rem").setResizable(true);
        grid.addColumn(s -> s.published() == null ? "—" : s.published().toString())
                .setHeader("Published").setKey("published").setAutoWidth(true).setFlexGrow(0)
                .setComparator(Comparator.comparing(SourceSummary::published,
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.addColumn(s -> String.format(Locale.ROOT, "%,d", s.length())).setHeader("Length")
                .setTooltipGenerator(s -> s.length() + " characters (Unicode code points)")
                .setKey("length").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setComparator(SourceSummary::length);
        grid.addColumn(SourceSummary::importedBy).setHeader("Imported by").setKey("importedBy")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> IMPORTED_AT.format(s.importedAt().atZone(ZoneId.systemDefault())))
                .setHeader("Imported at").setKey("importedAt").setAutoWidth(true).setFlexGrow(0)
                .setComparator(SourceSummary::importedAt);
        grid.addComponentColumn(s -> s.blind() ? StateBadge.blindMode("Blind", null) : new Span())
                .setHeader("Mode").setKey("blind").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(s -> s.blind() ? "Blind mode: reviewers see colleagues' work after submitting" : "");
        grid.addColumn(SourceSummary::shortHash).setHeader("SHA-256").setKey("sha256")
                .setTooltipGenerator(SourceSummary::sha256).setPartNameGenerator(s -> "cb-hash-cell")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addSortListener(e -> followQueue());
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(workspacePath(e.getItem().id()))));
        grid.setEmptyStateText("No sources yet. Use “Import sources” to add .txt, .md or .html files.");
    }

    /**
     * The columns and filters of the {@link LibraryExtension}s that have something for the person
     * looking (a reviewer's own status and "Assigned to me"), each column right after the title.
     */
    private void addExtensions(HorizontalLayout toolbar, List<SourceSummary> listed) {
        int at = 1;
        for (LibraryExtension extension : extensions) {
            var listing = extension.listing(projectId, listed);
            if (listing.isEmpty()) {
                continue;
            }
            listings.put(extension, listing.get());
            String header = listing.get().header();
            var column = grid.addComponentColumn(s -> listings.get(extension).cell().apply(s)).setHeader(header)
                    .setKey(header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                    .setAutoWidth(true).setFlexGrow(0);
            List<Grid.Column<SourceSummary>> order = new ArrayList<>(grid.getColumns());
            order.remove(column);
            order.add(at++, column);
            grid.setColumnOrder(order);
            LibraryExtension.Filter filter = listing.get().filter();
            if (filter != null) {
                Checkbox box = new Checkbox(filter.label());
                box.setId("filter-" + filter.id());
                box.addValueChangeListener(e -> applyFilter());
                filters.put(extension, box);
                toolbar.addComponentAtIndex(1, box);
            }
        }
    }

    /** Supervisors turn blind mode on or off for the whole corpus at once. */
    private MenuBar blindMenu() {
        MenuBar menu = new MenuBar();
        menu.setId("blind-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        var item = menu.addItem("Blind mode");
        item.getSubMenu().addItem("On for every source of the project", e -> setBlindForAll(true));
        item.getSubMenu().addItem("Off for every source of the project", e -> setBlindForAll(false));
        return menu;
    }

    private void setBlindForAll(boolean blind) {
        sources.setBlind(sources.list(projectId).stream().map(SourceSummary::id).toList(), blind);
        Notifications.success("Blind mode is " + (blind ? "on" : "off") + " for every source of the project.");
        refresh();
    }

    private void refresh() {
        List<SourceSummary> listed = projectId == null ? new ArrayList<>() : sources.list(projectId);
        listings.replaceAll((extension, shown) -> extension.listing(projectId, listed).orElse(shown));
        show(listed);
    }

    /** Lists these sources, through the filters in force. */
    private void show(List<SourceSummary> listed) {
        data = new ListDataProvider<>(listed);
        grid.setDataProvider(data);
        applyFilter();
    }

    private void applyFilter() {
        String term = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        data.setFilter(s -> (term.isEmpty() || contains(s.title(), term) || contains(s.publisher(), term)
                || contains(s.author(), term) || s.sha256().startsWith(term))
                && filters.entrySet().stream().allMatch(f -> !f.getValue().getValue()
                        || listings.get(f.getKey()).filter().keeps().test(s)));
        int shown = data.size(new Query<>(data.getFilter()));
        int total = data.getItems().size();
        count.setText(shown == total ? total + (total == 1 ? " source" : " sources") : shown + " of " + total + " sources");
        grid.recalculateColumnWidths();
        followQueue();
    }

    /** The listing as it stands (filters and sort) becomes the order the workspace's previous and next follow. */
    private void followQueue() {
        if (projectId == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        filters.forEach((extension, box) -> {
            if (box.getValue()) {
                names.add(box.getLabel());
            }
        });
        String term = filter.getValue() == null ? "" : filter.getValue().strip();
        if (!term.isEmpty()) {
            names.add("“" + term + "”");
        }
        queue.follow(projectId, grid.getListDataView().getItems().map(SourceSummary::id).toList(),
                names.isEmpty() ? "Library" : String.join(" · ", names));
    }

    /** The annotation workspace of a source; named by path so the library does not depend on annotation. */
    static String workspacePath(long sourceId) {
        return "sources/" + sourceId;
    }

    private static boolean contains(String value, String term) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(term);
    }
}
