package org.corroborate.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.base.StringMapConverter;
import org.corroborate.scheme.SchemeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search engine for several nodes on one PostgreSQL database: PostgreSQL's own full-text search over
 * the {@code tsvector} columns that migration V24 adds to {@code source} and {@code annotation} (GIN
 * indexed, computed by the database in the writing transaction). There is no index of our own to keep or
 * replicate: a committed write is found by the next search on any node, a deleted annotation is gone with
 * its row.
 *
 * <p>A search is two statements in one read-only transaction, both over {@link PostgresMatches} (the
 * query as {@link TsQuery}, the filters and the caller's {@link SearchScope} in SQL): the page, ordered by
 * {@code ts_rank} (best first, then source and annotation id), and the total with the facets ({@code label},
 * {@code author}, {@code source}: {@code GROUP BY GROUPING SETS}, the 20 largest of each). Then the page's
 * rows are read by id and placed in their text by {@link TextLocator}, as the Lucene engine's are. Each statement may run for
 * {@code workbench.search.postgres.statement-timeout} (default 10 s); beyond it PostgreSQL cancels it and
 * the caller gets 503 {@code busy} ({@code base.Busy}), never a stall.
 *
 * <p>Active when {@code workbench.search.engine} is {@code postgres}, or {@code auto} (the default) on a
 * PostgreSQL datasource ({@link Selected}).
 */
@Component
@Conditional(PostgresSearchEngine.Selected.class)
public class PostgresSearchEngine implements SearchEngine {

    private static final StringMapConverter ATTRIBUTES = new StringMapConverter();

    private final JdbcTemplate jdbc;
    private final SchemeService schemes;
    private final long timeoutMs;

    PostgresSearchEngine(JdbcTemplate jdbc, SchemeService schemes,
                         @Value("${workbench.search.postgres.statement-timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.timeoutMs = timeout.toMillis();
    }

    @Override
    public String name() {
        return SearchSettings.POSTGRES;
    }

    /** Always ready: the database keeps the vectors current itself; there is nothing to rebuild. */
    @Override
    public IndexStatus status() {
        return new IndexStatus(true, false, 0, 0);
    }

    @Override
    @Transactional(readOnly = true)
    public SearchResults search(QueryNode query, SearchRequest request, SearchScope scope) {
        long began = System.nanoTime();
        jdbc.execute("set local statement_timeout = " + timeoutMs);
        List<Row> page = page(query, request, scope);
        Facets facets = facets(query, request, scope);
        Set<Long> sourceIds = new LinkedHashSet<>();
        page.forEach(row -> sourceIds.add(row.source()));
        facets.sources().forEach(f -> sourceIds.add(Long.parseLong(f.value())));
        Set<Long> textSources = new LinkedHashSet<>();
        page.stream().filter(row -> row.annotation() == null).forEach(row -> textSources.add(row.source()));
        Map<Long, SourceRow> sources = sources(sourceIds, textSources);
        Map<Long, AnnotationRow> annotations = annotations(page.stream().map(Row::annotation)
                .filter(id -> id != null).toList(), scope);
        List<SearchHit> hits = new ArrayList<>();
        for (Row row : page) {
            SourceRow source = sources.get(row.source());
            hits.add(row.annotation() == null ? textHit(source, query)
                    : annotationHit(source, annotations.get(row.annotation()), query));
        }
        Map<String, List<SearchResults.FacetCount>> facetCounts = new LinkedHashMap<>();
        facetCounts.put("label", facets.labels().stream().map(f -> new SearchResults.FacetCount(f.value(),
                labelTitle(f.value(), scope), f.count())).toList());
        facetCounts.put("author", facets.authors());
        facetCounts.put("source", facets.sources().stream().map(f -> new SearchResults.FacetCount(f.value(),
                sources.get(Long.parseLong(f.value())).title(), f.count())).toList());
        return new SearchResults(facets.total(), hits, facetCounts, (System.nanoTime() - began) / 1_000_000);
    }

    private record Row(String kind, long source, Long annotation) {}

    private List<Row> page(QueryNode query, SearchRequest request, SearchScope scope) {
        PostgresMatches matches = PostgresMatches.of(query, request, scope, true);
        List<Object> arguments = new ArrayList<>(matches.arguments());
        arguments.add(request.size());
        arguments.add((long) request.page() * request.size());
        return jdbc.query("select m.kind, m.source_id, m.annotation_id from (" + matches.sql() + ") m "
                        + "order by m.annotation_id is not null, m.rank desc, m.source_id, m.annotation_id limit ? offset ?",
                (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class)),
                arguments.toArray());
    }

    private record Facets(long total, List<SearchResults.FacetCount> labels, List<SearchResults.FacetCount> authors,
                          List<SearchResults.FacetCount> sources) {}

    private Facets facets(QueryNode query, SearchRequest request, SearchScope scope) {
        PostgresMatches matches = PostgresMatches.of(query, request, scope, false);
        String grouped = "select case when grouping(m.label) = 0 then 'label' when grouping(m.author) = 0 then 'author' "
                + "when grouping(m.source_id) = 0 then 'source' else 'total' end as facet, "
                + "case when grouping(m.label) = 0 then m.label when grouping(m.author) = 0 then m.author "
                + "when grouping(m.source_id) = 0 then cast(m.source_id as varchar) end as value, count(*) as n "
                + "from (" + matches.sql() + ") m group by grouping sets ((m.label), (m.author), (m.source_id), ())";
        String sql = "select facet, value, n from (select f.*, row_number() over (partition by f.facet "
                + "order by f.n desc, f.value) as place from (" + grouped + ") f "
                + "where f.value is not null or f.facet = 'total') g where place <= 20 order by facet, place";
        long[] total = {0};
        Map<String, List<SearchResults.FacetCount>> byFacet = new HashMap<>();
        jdbc.query(sql, rs -> {
            String facet = rs.getString(1);
            if (facet.equals("total")) {
                total[0] = rs.getLong(3);
            } else {
                String value = rs.getString(2);
                byFacet.computeIfAbsent(facet, f -> new ArrayList<>())
                        .add(new SearchResults.FacetCount(value, value, rs.getLong(3)));
            }
        }, matches.arguments().toArray());
        return new Facets(total[0], byFacet.getOrDefault("label", List.of()), byFacet.getOrDefault("author", List.of()),
                byFacet.getOrDefault("source", List.of()));
    }

    private record SourceRow(long id, String title, long project, String text) {}

    /** Title and project of each source, and the text of those with a text hit on the page. */
    private Map<Long, SourceRow> sources(Set<Long> ids, Set<Long> withText) {
        Map<Long, SourceRow> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.query("select id, title, project_id, case when id = any(?) then text_content end from source "
                        + "where id = any(?)",
                rs -> {
                    rows.put(rs.getLong(1), new SourceRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getString(4)));
                }, withText.toArray(Long[]::new), ids.toArray(Long[]::new));
        return rows;
    }

    private record AnnotationRow(long id, int start, int end, String label, Map<String, String> attributes,
                                 String note, String author, String covered, String before, String after,
                                 String decision) {}

    /** The page's annotations, with their decision ({@code undecided} where the caller may not read it). */
    private Map<Long, AnnotationRow> annotations(List<Long> ids, SearchScope scope) {
        Map<Long, AnnotationRow> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        Set<Long> blind = new java.util.HashSet<>();
        scope.projects().forEach(p -> blind.addAll(p.blindSources()));
        jdbc.query("select a.id, a.start_offset, a.end_offset, a.label, a.attributes, a.note, a.author, "
                        + "a.covered_text, a.context_before, a.context_after, a.source_id, "
                        + "(select d.outcome from decision_annotation da join decision d on d.id = da.decision_id "
                        + "where da.annotation_id = a.id) from annotation a where a.id = any(?)",
                rs -> {
                    String outcome = rs.getString(12);
                    String decision = outcome == null || blind.contains(rs.getLong(11)) ? "undecided"
                            : outcome.equals("ACCEPTED") ? "accepted" : "rejected";
                    rows.put(rs.getLong(1), new AnnotationRow(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                            rs.getString(4), ATTRIBUTES.convertToEntityAttribute(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), decision));
                }, (Object) ids.toArray(Long[]::new));
        return rows;
    }

    private SearchHit textHit(SourceRow source, QueryNode query) {
        TextLocator.Located place = TextLocator.locate(source.text(), query);
        return new SearchHit(SearchKind.TEXT, source.id(), source.title(), source.project(), place.start(),
                place.end(), place.text(), place.snippet(), place.highlights(), null);
    }

    private SearchHit annotationHit(SourceRow source, AnnotationRow annotation, QueryNode query) {
        TextLocator.Located place = TextLocator.annotation(annotation.before(), annotation.covered(),
                annotation.after(), annotation.start(), annotation.end(), query);
        return new SearchHit(SearchKind.ANNOTATION, source.id(), source.title(), source.project(), annotation.start(),
                annotation.end(), annotation.covered(), place.snippet(), place.highlights(),
                new SearchHit.AnnotationHit(annotation.id(), annotation.label(), annotation.author(),
                        annotation.attributes(), annotation.note(), annotation.decision()));
    }

    private String labelTitle(String label, SearchScope scope) {
        for (SearchScope.ProjectScope project : scope.projects()) {
            var found = schemes.current(project.projectId()).label(label);
            if (found.isPresent()) {
                return found.get().title();
            }
        }
        return label;
    }

    /**
     * Whether the PostgreSQL engine is the one configured: {@code workbench.search.engine=postgres}, or
     * {@code auto} (the default) with a {@code jdbc:postgresql:} datasource.
     */
    static final class Selected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String engine = context.getEnvironment().getProperty("workbench.search.engine", "auto").strip();
            if (engine.equalsIgnoreCase("postgres")) {
                return true;
            }
            return engine.equalsIgnoreCase("auto") && context.getEnvironment()
                    .getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        }
    }
}
