package org.corroborate.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.base.ui.Notifications;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewState;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.search.IndexBuildingException;
import org.corroborate.search.SearchKind;
import org.corroborate.search.SearchRequest;
import org.corroborate.search.SearchResults;
import org.corroborate.search.SearchService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;

/**
 * The search page (route {@code search}): one query over the texts and annotations of the signed-in
 * person's projects, with the kind switch, filters, facet counts that filter on a click, hits with
 * marked snippets that open the workspace at their place, and paging. The whole search lives in the
 * URL ({@link SearchLink}): every change navigates to the new link, so a search can be saved,
 * shared ("Copy link"), and gone back to. What may be read is decided by {@link SearchService}.
 */
@Route("search")
@PageTitle("Search · Corroborate")
@Menu(order = 5, title = "Search", icon = "vaadin:search")
@PermitAll
// The quick search (Ctrl+K) lives in the frame; its dialog must be in the bundle wherever it opens.
@Uses(Dialog.class)
public class SearchView extends Div implements BeforeEnterObserver {

    /** The facets the engines count, in the order shown, with their headings. */
    private static final Map<String, String> FACETS = facetTitles();

    private final SearchService search;
    private final SchemeService schemes;
    private final SourceService sources;
    private final Map<Long, LabelScheme> schemeOf = new HashMap<>();

    private final TextField query = new TextField();
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    private final Select<ProjectDetails> project = new Select<>();
    private final ComboBox<SourceSummary> source = new ComboBox<>("Source");
    private final ComboBox<String> label = new ComboBox<>("Label");
    private final TextField attribute = new TextField("Attribute");
    private final TextField author = new TextField("Author");
    private final Select<String> status = new Select<>();
    private final Select<String> decision = new Select<>();
    private final Select<String> layer = new Select<>();
    private final DatePicker from = new DatePicker("Published from");
    private final DatePicker to = new DatePicker("Published to");
    private final IndexProgress progress;
    private final Div outcome = new Div();
    private final Div facets = new Div();
    private final Div hits = new Div();
    private final Div pager = new Div();
    private final List<SourceSummary> readableSources;
    private SearchRequest request = SearchLink.read(Map.of());

    public SearchView(SearchService search, ProjectService projects, SchemeService schemes, SourceService sources,
                      IndexProgress progress) {
        this.search = search;
        this.progress = progress;
        this.schemes = schemes;
        this.sources = sources;
        addClassName("cb-search");
        List<ProjectDetails> readable = projects.list();
        readableSources = sources.list();

        H2 heading = new H2("Search");
        Button copy = new Button("Copy link", VaadinIcon.LINK.create(), e -> copyLink());
        copy.setId("search-copy-link");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.setTooltipText("Copy this search as a link: the link opens the same search with the same filters");
        Div top = new Div(heading, copy);
        top.addClassName("cb-search-top");

        // S4's bar while the index is rebuilt (updated by push), and the administrators' rebuild button.
        progress.setId("search-index-progress");

        query.setId("search-q");
        query.setAriaLabel("Search words");
        query.setPlaceholder("Words, \"a phrase\", prefix*, OR, -word");
        query.setClearButtonVisible(true);
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setMaxLength(1000);
        query.addKeyDownListener(Key.ENTER, e -> submit());
        query.addClassName("cb-search-q");
        Button go = new Button("Search", e -> submit());
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        kind.setId("search-kind");
        kind.setAriaLabel("Find");
        kind.setItems("all", "text", "annotation");
        kind.setItemLabelGenerator(k -> switch (k) {
            case "text" -> "Texts";
            case "annotation" -> "Annotations";
            default -> "All";
        });
        kind.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                submit();
            }
        });
        Div box = new Div(query, go, kind);
        box.addClassName("cb-search-box");

        Details filters = new Details("Filters", filterFields(readable));
        filters.setId("search-filters");
        filters.addClassName("cb-search-filters");

        outcome.setId("search-outcome");
        outcome.addClassName("cb-search-outcome");
        facets.setId("search-facets");
        facets.addClassName("cb-search-facets");
        facets.getElement().setAttribute("aria-label", "Narrow by");
        facets.getElement().setAttribute("role", "region");
        hits.setId("search-hits");
        hits.addClassName("cb-search-hits");
        hits.getElement().setAttribute("role", "list");
        hits.getElement().setAttribute("aria-label", "Hits");
        pager.setId("search-pager");
        pager.addClassName("cb-search-pager");
        Div results = new Div(hits, pager);
        results.addClassName("cb-search-results");
        Div body = new Div(facets, results);
        body.addClassName("cb-search-body");
        add(top, progress, box, filters, outcome, body);
    }

    private static Map<String, String> facetTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("label", "Label");
        titles.put("author", "Author");
        titles.put("source", "Source");
        return titles;
    }

    private Div filterFields(List<ProjectDetails> readable) {
        project.setLabel("Project");
        project.setId("search-project");
        project.setItems(readable);
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption("All my projects");
        project.setItemLabelGenerator(p -> p == null ? "All my projects" : p.name());
        source.setId("search-source");
        source.setItems(readableSources);
        source.setItemLabelGenerator(s -> s.title() + (s.published() == null ? "" : " · " + s.published()));
        source.setClearButtonVisible(true);
        TreeSet<String> labels = new TreeSet<>();
        readable.forEach(p -> labels.addAll(schemes.labelsOfProject(p.id())));
        label.setId("search-label");
        label.setItems(labels);
        label.setAllowCustomValue(true);
        label.addCustomValueSetListener(e -> label.setValue(e.getDetail()));
        label.setClearButtonVisible(true);
        attribute.setId("search-attribute");
        attribute.setPlaceholder("speaker=Mayor Ruiz");
        attribute.setHelperText("name=value, the exact value");
        attribute.setClearButtonVisible(true);
        author.setId("search-author");
        author.setPlaceholder("username");
        author.setClearButtonVisible(true);
        status.setLabel("Author's review");
        status.setId("search-status");
        choices(status, "Any", List.of(ReviewState.values()).stream().map(Enum::name).toList(),
                name -> ReviewState.valueOf(name).title());
        decision.setLabel("Decision");
        decision.setId("search-decision");
        choices(decision, "Any", List.of("accepted", "rejected", "undecided"), d -> switch (d) {
            case "accepted" -> "Accepted into gold";
            case "rejected" -> "Rejected";
            default -> "Not decided";
        });
        layer.setLabel("Layer");
        layer.setId("search-layer");
        choices(layer, "Any", List.of("reviewers", "gold"), l -> "gold".equals(l) ? "Gold" : "Reviewers'");
        from.setId("search-from");
        to.setId("search-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        List<com.vaadin.flow.component.AbstractField<?, ?>> fields = List.of(project, source, label, status, decision,
                layer, from, to);
        fields.forEach(field -> field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                submit();
            }
        }));
        for (TextField text : List.of(attribute, author)) {
            text.addKeyDownListener(Key.ENTER, e -> submit());
            text.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    submit();
                }
            });
        }
        Button clear = new Button("Clear filters", e -> navigate(new SearchRequest(request.q(), request.kind(), null,
                null, null, null, null, null, null, null, null, null, 0, SearchLink.PAGE_SIZE)));
        clear.setId("search-clear-filters");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div grid = new Div(project, source, label, attribute, author, status, decision, layer, from, to, clear);
        grid.addClassName("cb-search-filter-grid");
        return grid;
    }

    private static void choices(Select<String> select, String any, List<String> values,
                                java.util.function.Function<String, String> title) {
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
        select.setItemLabelGenerator(v -> v == null ? any : title.apply(v));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        request = SearchLink.read(event.getLocation().getQueryParameters().getParameters());
        fill(request);
        run();
    }

    /** Shows the link's search in the fields (not from the client: their listeners do not navigate). */
    private void fill(SearchRequest shown) {
        query.setValue(shown.q());
        kind.setValue(shown.kind() == null ? "all" : shown.kind() == SearchKind.TEXT ? "text" : "annotation");
        project.setValue(project.getListDataView().getItems().filter(p -> Objects.equals(p.id(), shown.project()))
                .findFirst().orElse(null));
        source.setValue(readableSources.stream().filter(s -> Objects.equals(s.id(), shown.source())).findFirst()
                .orElse(null));
        label.setValue(shown.label());
        attribute.setValue(Objects.requireNonNullElse(shown.attribute(), ""));
        author.setValue(Objects.requireNonNullElse(shown.author(), ""));
        status.setValue(shown.status());
        decision.setValue(shown.decision());
        layer.setValue(shown.layer());
        from.setValue(shown.publishedFrom());
        to.setValue(shown.publishedTo());
    }

    /** The search the fields now say, from the first page. */
    private SearchRequest fromFields() {
        SearchKind chosen = switch (Objects.requireNonNullElse(kind.getValue(), "all")) {
            case "text" -> SearchKind.TEXT;
            case "annotation" -> SearchKind.ANNOTATION;
            default -> null;
        };
        return new SearchRequest(query.getValue().strip(), chosen,
                project.getValue() == null ? null : project.getValue().id(),
                source.getValue() == null ? null : source.getValue().id(), blankToNull(label.getValue()),
                blankToNull(attribute.getValue()), blankToNull(author.getValue()), status.getValue(),
                decision.getValue(), layer.getValue(), from.getValue(), to.getValue(), 0, SearchLink.PAGE_SIZE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void submit() {
        navigate(fromFields());
    }

    private void navigate(SearchRequest next) {
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, QueryParameters.simple(SearchLink.write(next))));
    }

    private void run() {
        outcome.removeAll();
        facets.removeAll();
        hits.removeAll();
        pager.removeAll();
        outcome.getElement().removeAttribute("data-state");
        if (request.q().isBlank()) {
            state("start", "Search the texts and annotations of your projects.",
                    "Type words (all must match), \"a phrase\", a prefix* of 3 letters or more, OR between "
                            + "alternatives, -word or NOT word to leave out. Narrow with the filters; a hit opens "
                            + "the source at its place. Ctrl+K searches from any page.");
            return;
        }
        SearchResults results;
        try {
            results = search.search(request);
        } catch (WorkbenchException e) {
            Div refused = state("refused", "This search could not run.", e.getMessage());
            refused.getElement().setAttribute("role", "alert");
            return;
        } catch (IndexBuildingException e) {
            // The progress bar above says how far the rebuild has come.
            state("building", "The search index is being rebuilt.", e.getMessage());
            return;
        }
        if (results.total() == 0) {
            state("empty", "No hits for " + request.q() + ".",
                    "Check the spelling, use fewer words or a prefix*, choose All instead of one kind, or clear the filters.");
            return;
        }
        int first = request.page() * request.size() + 1;
        int last = first + results.hits().size() - 1;
        Span count = new Span(results.total() == 1 ? "1 hit" : results.total() + " hits");
        count.setId("search-total");
        count.getElement().setAttribute("data-total", String.valueOf(results.total()));
        Span range = new Span(results.hits().isEmpty() ? "" : " · " + first + "–" + last + " shown");
        Span took = new Span(" · " + results.tookMs() + " ms");
        took.addClassName("cb-search-took");
        Div summary = new Div(count, range, took);
        summary.addClassName("cb-search-summary");
        summary.getElement().setAttribute("role", "status");
        outcome.add(summary);
        outcome.getElement().setAttribute("data-state", "hits");
        showFacets(results);
        for (int i = 0; i < results.hits().size(); i++) {
            hits.add(new HitCard(results.hits().get(i), first - 1 + i, this::chip));
        }
        showPager(results.total());
    }

    private Div state(String name, String title, String detail) {
        outcome.getElement().setAttribute("data-state", name);
        Paragraph heading = new Paragraph(title);
        heading.addClassName("cb-search-state-title");
        Paragraph more = new Paragraph(detail);
        more.setId("search-" + name + "-detail");
        Div box = new Div(heading, more);
        box.setId("search-" + name);
        box.addClassNames("cb-search-state", name);
        outcome.add(box);
        return box;
    }

    private void showFacets(SearchResults results) {
        FACETS.forEach((name, title) -> {
            List<SearchResults.FacetCount> counts = results.facets().getOrDefault(name, List.of());
            if (counts.isEmpty()) {
                return;
            }
            H3 heading = new H3(title);
            Div list = new Div();
            list.addClassName("cb-facet-values");
            String active = active(name);
            for (SearchResults.FacetCount count : counts) {
                boolean on = count.value().equals(active);
                Button value = new Button(count.display(), e -> navigate(withFacet(name, on ? null : count.value())));
                value.setSuffixComponent(new Span(String.valueOf(count.count())));
                value.addClassName("cb-facet-value");
                value.addThemeVariants(ButtonVariant.LUMO_SMALL, on ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
                value.getElement().setAttribute("aria-pressed", String.valueOf(on));
                value.getElement().setAttribute("data-facet", name);
                value.getElement().setAttribute("data-value", count.value());
                value.setAriaLabel(title + " " + count.display() + ": " + count.count() + (on ? " (filtering; click to clear)" : ""));
                list.add(value);
            }
            Div facet = new Div(heading, list);
            facet.addClassName("cb-facet");
            facet.setId("facet-" + name);
            facets.add(facet);
        });
    }

    private String active(String facet) {
        return switch (facet) {
            case "label" -> request.label();
            case "author" -> request.author();
            case "source" -> request.source() == null ? null : String.valueOf(request.source());
            default -> null;
        };
    }

    private SearchRequest withFacet(String facet, String value) {
        SearchRequest r = request;
        Long sourceId = r.source();
        if ("source".equals(facet)) {
            try {
                sourceId = value == null ? null : Long.valueOf(value);
            } catch (NumberFormatException e) {
                sourceId = null;
            }
        }
        return new SearchRequest(r.q(), r.kind(), r.project(), sourceId, "label".equals(facet) ? value : r.label(),
                r.attribute(), "author".equals(facet) ? value : r.author(), r.status(), r.decision(), r.layer(),
                r.publishedFrom(), r.publishedTo(), 0, r.size());
    }

    private void showPager(long total) {
        // The API reads at most 10,000 hits deep (page * size <= 10,000).
        long pages = Math.min((total + request.size() - 1) / request.size(), 10_000 / request.size());
        if (pages <= 1) {
            return;
        }
        Button previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create(),
                e -> navigate(SearchLink.onPage(request, request.page() - 1)));
        previous.setId("search-previous");
        previous.setEnabled(request.page() > 0);
        Span where = new Span("Page " + (request.page() + 1) + " of " + pages);
        where.setId("search-page");
        Button next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create(),
                e -> navigate(SearchLink.onPage(request, request.page() + 1)));
        next.setIconAfterText(true);
        next.setId("search-next");
        next.setEnabled(request.page() + 1 < pages);
        pager.add(previous, where, next);
    }

    /** A label's chip in its project's colours (schemes read once per project and page). */
    private LabelChip chip(long projectId, String name) {
        LabelScheme scheme = schemeOf.computeIfAbsent(projectId, schemes::current);
        return scheme.label(name).map(l -> new LabelChip(l.name(), l.title(), l.color()))
                .orElseGet(() -> new LabelChip(name, null));
    }

    private void copyLink() {
        getElement().executeJs("const link = window.location.href;"
                        + "return navigator.clipboard ? navigator.clipboard.writeText(link).then(() => link, () => '!' + link)"
                        + " : '!' + link;")
                .then(String.class, link -> {
                    if (link.startsWith("!")) {
                        Notifications.info("Copy this link from the address bar: " + link.substring(1));
                    } else {
                        Notifications.success("Link copied: it opens this search with its filters.");
                    }
                });
    }

    /** For {@link QuickSearch}: what the page needs to show a search of these words. */
    static QueryParameters linkOf(String words) {
        return QueryParameters.simple(SearchLink.write(new SearchRequest(words, null, null, null, null, null, null,
                null, null, null, null, null, 0, SearchLink.PAGE_SIZE)));
    }
}
