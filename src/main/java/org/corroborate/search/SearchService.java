package org.corroborate.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corroborate.annotation.BlindMode;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewState;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door to corpus search: checks the request, parses the query ({@link SearchQueryParser}),
 * works out what the caller may read ({@link SearchScope}: project membership, and per source
 * {@link BlindMode}) and asks the engine configured for this node ({@link SearchSettings}).
 *
 * <p>Refused with 400 {@code bad_input}: a query the parser refuses; size outside 1..{@value #MAX_SIZE};
 * a negative page; a page beyond the first {@value #MAX_WINDOW} hits; an attribute filter not of the
 * form {@code name=value}; an unknown review status, decision or layer; a date range ending before it
 * starts. A project or source the caller may not read: 404, as everywhere.
 */
@Service
public class SearchService {

    public static final int MAX_SIZE = 100;
    /** Hits reachable by paging: deep pages cost the engine more and help nobody. */
    public static final int MAX_WINDOW = 10_000;

    private final List<SearchEngine> engines;
    private final SearchSettings settings;
    private final ProjectService projects;
    private final SourceService sources;
    private final BlindMode blindMode;
    private final CurrentActor actor;

    SearchService(List<SearchEngine> engines, SearchSettings settings, ProjectService projects,
                  SourceService sources, BlindMode blindMode, CurrentActor actor) {
        this.engines = engines;
        this.settings = settings;
        this.projects = projects;
        this.sources = sources;
        this.blindMode = blindMode;
        this.actor = actor;
    }

    /**
     * Runs a search for the signed-in person.
     *
     * @return a page of hits the caller may read, the total and the facets (counted over all hits)
     * @throws WorkbenchException 400 for a bad query or filter, 404 for a project or source not readable
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SearchResults search(SearchRequest request) {
        SearchRequest checked = check(request);
        QueryNode query = SearchQueryParser.parse(checked.q());
        return engine().search(query, checked, scope());
    }

    /** The active engine's index state (ready, or how far a rebuild has come). */
    @PreAuthorize("isAuthenticated()")
    public SearchEngine.IndexStatus status() {
        return engine().status();
    }

    /** The active engine's name: {@code lucene} or {@code postgres}. */
    public String engineName() {
        return settings.engine();
    }

    /**
     * What the signed-in person may read: every project they may read, each with the sources on which
     * blind mode hides colleagues' work from them now.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SearchScope scope() {
        Set<Long> readable = projects.readableIds();
        Map<Long, Set<Long>> blind = new HashMap<>();
        for (SourceSummary source : sources.blindIn(readable)) {
            if (!blindMode.seesColleaguesWork(source)) {
                blind.computeIfAbsent(source.project(), p -> new TreeSet<>()).add(source.id());
            }
        }
        return new SearchScope(actor.require(), readable.stream().sorted()
                .map(p -> new SearchScope.ProjectScope(p, blind.getOrDefault(p, Set.of()))).toList());
    }

    private SearchEngine engine() {
        return engines.stream().filter(e -> e.name().equals(settings.engine())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No search engine named '" + settings.engine()
                        + "' is installed (workbench.search.engine)."));
    }

    /** The request with its filters checked and normalised (blank text filters dropped). */
    private SearchRequest check(SearchRequest r) {
        if (r.size() < 1 || r.size() > MAX_SIZE) {
            throw WorkbenchException.badInput("size must be between 1 and " + MAX_SIZE + ", not " + r.size() + ".");
        }
        if (r.page() < 0) {
            throw WorkbenchException.badInput("page must be 0 or more, not " + r.page() + ".");
        }
        if ((long) r.page() * r.size() > MAX_WINDOW) {
            throw WorkbenchException.badInput("Only the first " + MAX_WINDOW + " hits can be paged through: "
                    + "narrow the search with more words or filters.");
        }
        if (r.project() != null) {
            projects.requireReadable(r.project());
        }
        if (r.source() != null) {
            SourceSummary source = sources.summary(r.source());
            if (r.project() != null && !r.project().equals(source.project())) {
                throw WorkbenchException.badInput("Source " + r.source() + " is not in project " + r.project() + ".");
            }
        }
        String attribute = blankToNull(r.attribute());
        if (attribute != null) {
            int eq = attribute.indexOf('=');
            if (eq <= 0 || eq == attribute.length() - 1) {
                throw WorkbenchException.badInput("attribute must be name=value (e.g. speaker=Jane Doe), not '"
                        + attribute + "'.");
            }
            attribute = attribute.substring(0, eq).strip() + "=" + attribute.substring(eq + 1).strip();
        }
        String status = blankToNull(r.status());
        if (status != null) {
            try {
                status = ReviewState.valueOf(status.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw WorkbenchException.badInput("Unknown review status '" + status
                        + "': use NOT_STARTED, IN_PROGRESS or SUBMITTED.");
            }
        }
        String decision = oneOf("decision", r.decision(), "accepted", "rejected", "undecided");
        String layer = oneOf("layer", r.layer(), "reviewers", "gold");
        if (r.publishedFrom() != null && r.publishedTo() != null && r.publishedTo().isBefore(r.publishedFrom())) {
            throw WorkbenchException.badInput("The published range ends (" + r.publishedTo() + ") before it starts ("
                    + r.publishedFrom() + ").");
        }
        return new SearchRequest(r.q(), r.kind(), r.project(), r.source(), blankToNull(r.label()), attribute,
                blankToNull(r.author()), status, decision, layer, r.publishedFrom(), r.publishedTo(), r.page(),
                r.size());
    }

    private static String oneOf(String name, String value, String... allowed) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(lower)) {
                return a;
            }
        }
        throw WorkbenchException.badInput("Unknown " + name + " '" + v + "': use " + String.join(", ", allowed) + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
