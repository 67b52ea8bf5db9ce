package org.corroborate.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.search.predicate.dsl.LuceneSearchPredicateFactory;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Component;

/**
 * The embedded engine: Hibernate Search's Lucene backend over the indexes {@link SearchMapping} declares.
 * The query becomes bool/match/phrase/prefix predicates ({@link QueryNode}); the caller's
 * {@link SearchScope} and the filters are predicates inside the same query, so totals and facets
 * (terms aggregations) count only what the caller may read. Filters on what lives on other entities
 * (the author's review status, supervisors' decisions, the gold layer, the source's published date for
 * annotation hits) are sets of ids read from their services at query time and applied as Lucene set
 * queries ({@code LongPoint.newSetQuery}, {@code TermInSetQuery}: no clause limit).
 *
 * <p>Text hits: one per matching source, placed by {@link TextLocator}. With both kinds asked for,
 * text hits come first, then annotation hits (scores of two indexes are not comparable); paging runs
 * over that order.
 */
@Component
class LuceneSearchEngine implements SearchEngine {

    private static final int FACET_VALUES = 20;

    private final EntityManager entityManager;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final ReviewStatusService statuses;
    private final AdjudicationService adjudication;
    private final SchemeService schemes;

    LuceneSearchEngine(EntityManager entityManager, SourceService sources, AnnotationService annotations,
                       ReviewStatusService statuses, AdjudicationService adjudication, SchemeService schemes) {
        this.schemes = schemes;
        this.entityManager = entityManager;
        this.sources = sources;
        this.annotations = annotations;
        this.statuses = statuses;
        this.adjudication = adjudication;
    }

    @Override
    public String name() {
        return SearchSettings.LUCENE;
    }

    @Override
    public IndexStatus status() {
        return new IndexStatus(true, false, 0, 0);
    }

    @Override
    public SearchResults search(QueryNode query, SearchRequest request, SearchScope scope) {
        long started = System.nanoTime();
        if (scope.projects().isEmpty()) {
            return new SearchResults(0, List.of(), emptyFacets(), 0);
        }
        SearchSession session = Search.session(entityManager);
        int offset = request.page() * request.size();
        boolean wantText = request.kind() != SearchKind.ANNOTATION && !annotationFilters(request);
        boolean wantAnnotations = request.kind() != SearchKind.TEXT;

        Page text = wantText ? searchSources(session, query, request, scope, offset, request.size())
                : Page.EMPTY;
        int annotationOffset = (int) Math.max(0, offset - text.total);
        int annotationRoom = request.size() - text.ids.size();
        Page notes = wantAnnotations
                ? searchAnnotations(session, query, request, scope, annotationOffset, Math.max(annotationRoom, 0))
                : Page.EMPTY;

        List<SearchHit> hits = new ArrayList<>(textHits(text.ids, query));
        hits.addAll(annotationHits(notes.ids, query, scope));
        Map<String, List<SearchResults.FacetCount>> facets = facets(text, notes, request, scope);
        return new SearchResults(text.total + notes.total, hits, facets,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Filters only annotations have: when one is given, source texts do not match. */
    private static boolean annotationFilters(SearchRequest r) {
        return r.label() != null || r.attribute() != null || r.author() != null || r.status() != null
                || r.decision() != null || r.layer() != null;
    }

    /** One engine query's page of ids, total and facet counts. */
    private record Page(long total, List<Long> ids, Map<String, Long> labels, Map<String, Long> authors,
                        Map<Long, Long> sources) {
        static final Page EMPTY = new Page(0, List.of(), Map.of(), Map.of(), Map.of());
    }

    // ---- sources ------------------------------------------------------------------------------

    private Page searchSources(SearchSession session, QueryNode query, SearchRequest r, SearchScope scope,
                               int offset, int limit) {
        AggregationKey<Map<Long, Long>> bySource = AggregationKey.of("source");
        SearchResult<Long> result = session.search(type(SearchMapping.SOURCE_ENTITY))
                .extension(LuceneExtension.get())
                .select(f -> f.id(Long.class))
                .where(f -> {
                    var bool = f.bool();
                    bool.must(query(f, query, SearchMapping.SOURCE_TEXT));
                    bool.filter(longIn(f, "project", projectIds(scope)));
                    if (r.project() != null) {
                        bool.filter(f.match().field("project").matching(r.project()));
                    }
                    if (r.source() != null) {
                        bool.filter(f.match().field("source").matching(r.source()));
                    }
                    if (r.publishedFrom() != null || r.publishedTo() != null) {
                        bool.filter(f.range().field("published").between(r.publishedFrom(), r.publishedTo()));
                    }
                    return bool;
                })
                .aggregation(bySource, f -> f.terms().field("source", Long.class).maxTermCount(FACET_VALUES))
                .fetch(offset, limit);
        return new Page(result.total().hitCount(), result.hits(), Map.of(), Map.of(), result.aggregation(bySource));
    }

    private List<SearchHit> textHits(List<Long> ids, QueryNode query) {
        List<SearchHit> hits = new ArrayList<>();
        for (Long id : ids) {
            SourceDetails source = sources.get(id);
            TextLocator.Located at = TextLocator.locate(source.text(), query);
            hits.add(new SearchHit(SearchKind.TEXT, id, source.source().title(), source.source().project(),
                    at.start(), at.end(), at.text(), at.snippet(), at.highlights(), null));
        }
        return hits;
    }

    // ---- annotations --------------------------------------------------------------------------

    private Page searchAnnotations(SearchSession session, QueryNode query, SearchRequest r, SearchScope scope,
                                   int offset, int limit) {
        Set<Long> projects = projectIds(scope);
        Set<Long> blind = blindSources(scope);
        Set<String> reviews = r.status() == null ? null : reviewsIn(projects, r.status());
        Map<Long, Outcome> outcomes = r.decision() != null || "gold".equals(r.layer())
                ? adjudication.outcomesIn(projects) : null;
        Set<Long> published = r.publishedFrom() != null || r.publishedTo() != null
                ? sources.publishedBetween(projects, r.publishedFrom(), r.publishedTo()) : null;

        AggregationKey<Map<String, Long>> byLabel = AggregationKey.of("label");
        AggregationKey<Map<String, Long>> byAuthor = AggregationKey.of("author");
        AggregationKey<Map<Long, Long>> bySource = AggregationKey.of("source");
        SearchResult<Long> result = session.search(type(SearchMapping.ANNOTATION_ENTITY))
                .extension(LuceneExtension.get())
                .select(f -> f.id(Long.class))
                .where(f -> {
                    var bool = f.bool();
                    bool.must(query(f, query, SearchMapping.ANNOTATION_TEXT));
                    bool.filter(longIn(f, "project", projects));
                    if (!blind.isEmpty()) {
                        // On a blind source only the caller's own annotations match.
                        bool.mustNot(f.bool().must(longIn(f, "source", blind))
                                .mustNot(f.match().field("author").matching(scope.user())));
                    }
                    if (r.project() != null) {
                        bool.filter(f.match().field("project").matching(r.project()));
                    }
                    if (r.source() != null) {
                        bool.filter(f.match().field("source").matching(r.source()));
                    }
                    if (r.label() != null) {
                        bool.filter(f.match().field("label").matching(r.label()));
                    }
                    if (r.attribute() != null) {
                        bool.filter(f.match().field("attribute").matching(r.attribute()));
                    }
                    if (r.author() != null) {
                        bool.filter(f.match().field("author").matching(r.author()));
                    }
                    if (reviews != null) {
                        PredicateFinalStep in = keywordIn(f, "source_author", reviews);
                        if (ReviewState.NOT_STARTED.name().equals(r.status())) {
                            bool.mustNot(in);
                        } else {
                            bool.filter(in);
                        }
                    }
                    if (outcomes != null) {
                        // Decisions and the gold layer are colleagues' work: nothing matches on a blind source.
                        bool.mustNot(longIn(f, "source", blind));
                        if ("gold".equals(r.layer())) {
                            bool.filter(longIn(f, "annotation", withOutcome(outcomes, Outcome.ACCEPTED)));
                        }
                        if ("accepted".equals(r.decision())) {
                            bool.filter(longIn(f, "annotation", withOutcome(outcomes, Outcome.ACCEPTED)));
                        } else if ("rejected".equals(r.decision())) {
                            bool.filter(longIn(f, "annotation", withOutcome(outcomes, Outcome.REJECTED)));
                        } else if ("undecided".equals(r.decision())) {
                            bool.mustNot(longIn(f, "annotation", outcomes.keySet()));
                        }
                    }
                    if (published != null) {
                        bool.filter(longIn(f, "source", published));
                    }
                    return bool;
                })
                .aggregation(byLabel, f -> f.terms().field("label", String.class).maxTermCount(FACET_VALUES))
                .aggregation(byAuthor, f -> f.terms().field("author", String.class).maxTermCount(FACET_VALUES))
                .aggregation(bySource, f -> f.terms().field("source", Long.class).maxTermCount(FACET_VALUES))
                .fetch(offset, limit);
        return new Page(result.total().hitCount(), result.hits(), result.aggregation(byLabel),
                result.aggregation(byAuthor), result.aggregation(bySource));
    }

    private Set<String> reviewsIn(Set<Long> projects, String status) {
        if (ReviewState.NOT_STARTED.name().equals(status)) {
            Set<String> started = new HashSet<>(statuses.reviewsIn(projects, ReviewState.IN_PROGRESS));
            started.addAll(statuses.reviewsIn(projects, ReviewState.SUBMITTED));
            return started;
        }
        return statuses.reviewsIn(projects, ReviewState.valueOf(status));
    }

    private static Set<Long> withOutcome(Map<Long, Outcome> outcomes, Outcome wanted) {
        Set<Long> ids = new HashSet<>();
        outcomes.forEach((id, outcome) -> {
            if (outcome == wanted) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<SearchHit> annotationHits(List<Long> ids, QueryNode query, SearchScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, AnnotationDetails> visible = annotations.visibleAmong(ids);
        Map<Long, SourceSummary> titles = new HashMap<>();
        sources.summaries(visible.values().stream().map(AnnotationDetails::sourceId).toList())
                .forEach(s -> titles.put(s.id(), s));
        Map<Long, Outcome> outcomes = adjudication.outcomesOf(visible.keySet());
        Set<Long> blind = blindSources(scope);
        List<SearchHit> hits = new ArrayList<>();
        for (Long id : ids) {
            AnnotationDetails a = visible.get(id);
            SourceSummary source = a == null ? null : titles.get(a.sourceId());
            if (source == null) {
                continue; // deleted since it was indexed, or no longer readable
            }
            Outcome outcome = blind.contains(a.sourceId()) ? null : outcomes.get(id);
            String decision = outcome == null ? "undecided" : outcome == Outcome.ACCEPTED ? "accepted" : "rejected";
            TextLocator.Located at = TextLocator.annotation(a.contextBefore(), a.text(), a.contextAfter(),
                    a.start(), a.end(), query);
            hits.add(new SearchHit(SearchKind.ANNOTATION, a.sourceId(), source.title(), source.project(),
                    a.start(), a.end(), a.text(), at.snippet(), at.highlights(),
                    new SearchHit.AnnotationHit(a.id(), a.label(), a.author(), a.attributes(), a.note(), decision)));
        }
        return hits;
    }

    // ---- facets -------------------------------------------------------------------------------

    private Map<String, List<SearchResults.FacetCount>> facets(Page text, Page notes, SearchRequest request,
                                                               SearchScope scope) {
        Map<Long, Long> bySource = new HashMap<>(notes.sources);
        text.sources.forEach((id, count) -> bySource.merge(id, count, Long::sum));
        Map<Long, String> titles = new HashMap<>();
        if (!bySource.isEmpty()) {
            sources.summaries(bySource.keySet()).forEach(s -> titles.put(s.id(), s.title()));
        }
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        facets.put("label", counts(notes.labels, labelTitles(notes.labels.keySet(), request, scope)));
        facets.put("author", counts(notes.authors, Function.identity()));
        facets.put("source", counts(bySource, id -> titles.getOrDefault(id, "#" + id)).stream()
                .limit(FACET_VALUES).toList());
        return facets;
    }

    /**
     * Labels by the title people read ("Fact"), from the scheme of the filtered project, else of the
     * first of the caller's projects whose scheme has the label; the name where none has it.
     */
    private Function<String, String> labelTitles(Set<String> labels, SearchRequest request, SearchScope scope) {
        Map<String, String> titles = new HashMap<>();
        if (labels.isEmpty()) {
            return Function.identity();
        }
        List<Long> projects = request.project() != null ? List.of(request.project())
                : scope.projects().stream().map(SearchScope.ProjectScope::projectId).limit(20).toList();
        for (Long project : projects) {
            var scheme = schemes.current(project);
            for (String label : labels) {
                if (!titles.containsKey(label) && scheme.label(label).isPresent()) {
                    titles.put(label, scheme.titleOf(label));
                }
            }
            if (titles.size() == labels.size()) {
                break;
            }
        }
        return label -> titles.getOrDefault(label, label);
    }

    private static <K> List<SearchResults.FacetCount> counts(Map<K, Long> counts, Function<K, String> display) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed()
                        .thenComparing(e -> String.valueOf(e.getKey())))
                .map(e -> new SearchResults.FacetCount(String.valueOf(e.getKey()), display.apply(e.getKey()),
                        e.getValue()))
                .toList();
    }

    private static Map<String, List<SearchResults.FacetCount>> emptyFacets() {
        return Map.of("label", List.of(), "author", List.of(), "source", List.of());
    }

    // ---- predicates ---------------------------------------------------------------------------

    /** The query as predicates over text fields: stemmed fields for words and phrases, plain for prefixes. */
    private static <SR> PredicateFinalStep query(LuceneSearchPredicateFactory<SR> f, QueryNode node, String[] fields) {
        return switch (node) {
            case QueryNode.Term t -> f.match().fields(fields).matching(t.word());
            case QueryNode.Phrase p -> f.phrase().fields(fields).matching(String.join(" ", p.words()));
            case QueryNode.Prefix p -> f.prefix().fields(plain(fields))
                    .matching(SearchAnalyzers.plain().normalize("text", p.prefix()).utf8ToString());
            case QueryNode.Not n -> f.not(query(f, n.child(), fields));
            case QueryNode.All a -> {
                BooleanPredicateClausesStep<SR, ?> bool = f.bool();
                for (QueryNode child : a.children()) {
                    if (child instanceof QueryNode.Not not) {
                        bool.mustNot(query(f, not.child(), fields));
                    } else {
                        bool.must(query(f, child, fields));
                    }
                }
                yield bool;
            }
            case QueryNode.Any a -> {
                BooleanPredicateClausesStep<SR, ?> bool = f.bool();
                for (QueryNode child : a.children()) {
                    bool.should(query(f, child, fields));
                }
                yield bool;
            }
        };
    }

    private static String[] plain(String[] fields) {
        String[] plain = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            plain[i] = fields[i] + "_plain";
        }
        return plain;
    }

    /** A long field holding one of the values: Lucene's point set query (any number of values). */
    private static <SR> PredicateFinalStep longIn(LuceneSearchPredicateFactory<SR> f, String field,
                                                 Collection<Long> values) {
        return f.fromLuceneQuery(LongPoint.newSetQuery(field, values));
    }

    /** A keyword field holding one of the values: Lucene's term set query (any number of values). */
    private static <SR> PredicateFinalStep keywordIn(LuceneSearchPredicateFactory<SR> f, String field,
                                                    Collection<String> values) {
        return f.fromLuceneQuery(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()));
    }

    private static Set<Long> projectIds(SearchScope scope) {
        Set<Long> ids = new HashSet<>();
        scope.projects().forEach(p -> ids.add(p.projectId()));
        return ids;
    }

    private static Set<Long> blindSources(SearchScope scope) {
        Set<Long> ids = new HashSet<>();
        scope.projects().forEach(p -> ids.addAll(p.blindSources()));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> type(String entity) {
        try {
            return (Class<Object>) Class.forName(entity);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
