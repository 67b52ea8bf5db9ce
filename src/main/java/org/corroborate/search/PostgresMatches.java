package org.corroborate.search;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of one search's matching rows on PostgreSQL, for {@link PostgresSearchEngine}: a text match is a
 * {@code source} row whose V24 {@code search_vector} matches, an annotation match an {@code annotation} row
 * whose vector does, each inside the caller's {@link SearchScope} and the request's filters, all as SQL
 * with bound parameters (never user text in the SQL). The rows have the columns {@code kind} ({@code text}
 * or {@code annotation}), {@code source_id}, {@code annotation_id} (null for text), {@code label} and
 * {@code author} (null for text) and {@code rank} ({@code ts_rank}, or 0 when not asked for).
 *
 * <p>Rules (the same as the Lucene engine's, see {@link SearchScope}): sources in the scope's projects;
 * annotations there too, and on a source blind to the caller only the caller's own; the decision and gold
 * filters match nothing on such a source. A filter that only annotations have (label, attribute, author,
 * review status, decision, layer) leaves text matches out.
 *
 * @param sql       a query (usable as a subquery) returning the rows above
 * @param arguments the values of its {@code ?}, in order
 */
record PostgresMatches(String sql, List<Object> arguments) {

    PostgresMatches {
        arguments = List.copyOf(arguments);
    }

    /**
     * The matches of {@code query} under {@code request}'s filters and {@code scope}.
     *
     * @param ranked whether to compute {@code rank} (needed to order a page, not to count)
     */
    static PostgresMatches of(QueryNode query, SearchRequest request, SearchScope scope, boolean ranked) {
        TsQuery tsquery = TsQuery.of(query);
        Long[] projects = scope.projects().stream().map(SearchScope.ProjectScope::projectId).toArray(Long[]::new);
        Set<Long> blindSet = new HashSet<>();
        scope.projects().forEach(p -> blindSet.addAll(p.blindSources()));
        Long[] blind = blindSet.toArray(Long[]::new);

        List<String> parts = new ArrayList<>();
        List<Object> arguments = new ArrayList<>(tsquery.arguments());
        if (request.kind() != SearchKind.ANNOTATION && !onlyAnnotationsMatch(request)) {
            StringBuilder text = new StringBuilder("select 'text' as kind, s.id as source_id, "
                    + "cast(null as bigint) as annotation_id, cast(null as varchar) as label, "
                    + "cast(null as varchar) as author, ")
                    .append(ranked ? "ts_rank(s.search_vector, q.q)" : "cast(0 as real)")
                    .append(" as rank from source s, q where s.search_vector @@ q.q and s.project_id = any(?)");
            arguments.add(projects);
            sourceFilters(request, text, arguments);
            parts.add(text.toString());
        }
        if (request.kind() != SearchKind.TEXT) {
            StringBuilder annotation = new StringBuilder("select 'annotation' as kind, a.source_id, "
                    + "a.id as annotation_id, a.label, a.author, ")
                    .append(ranked ? "ts_rank(a.search_vector, q.q)" : "cast(0 as real)")
                    .append(" as rank from annotation a join source s on s.id = a.source_id, q "
                            + "where a.search_vector @@ q.q and a.project_id = any(?) "
                            + "and (a.author = ? or a.source_id <> all(?))");
            arguments.add(projects);
            arguments.add(scope.user());
            arguments.add(blind);
            sourceFilters(request, annotation, arguments);
            annotationFilters(request, blind, annotation, arguments);
            parts.add(annotation.toString());
        }
        if (parts.isEmpty()) {
            parts.add("select cast(null as varchar) as kind, cast(null as bigint) as source_id, "
                    + "cast(null as bigint) as annotation_id, cast(null as varchar) as label, "
                    + "cast(null as varchar) as author, cast(0 as real) as rank from q where false");
        }
        String sql = "with q as (select " + tsquery.sql() + " as q) " + String.join(" union all ", parts);
        return new PostgresMatches(sql, arguments);
    }

    /** Whether a filter is set that only annotations have. */
    static boolean onlyAnnotationsMatch(SearchRequest request) {
        return request.label() != null || request.attribute() != null || request.author() != null
                || request.status() != null || request.decision() != null || request.layer() != null;
    }

    private static void sourceFilters(SearchRequest request, StringBuilder sql, List<Object> arguments) {
        if (request.project() != null) {
            sql.append(" and s.project_id = ?");
            arguments.add(request.project());
        }
        if (request.source() != null) {
            sql.append(" and s.id = ?");
            arguments.add(request.source());
        }
        if (request.publishedFrom() != null) {
            sql.append(" and s.published >= ?");
            arguments.add(Date.valueOf(request.publishedFrom()));
        }
        if (request.publishedTo() != null) {
            sql.append(" and s.published <= ?");
            arguments.add(Date.valueOf(request.publishedTo()));
        }
    }

    private static void annotationFilters(SearchRequest request, Long[] blind, StringBuilder sql,
                                          List<Object> arguments) {
        if (request.label() != null) {
            sql.append(" and a.label = ?");
            arguments.add(request.label());
        }
        if (request.attribute() != null) {
            int equals = request.attribute().indexOf('=');
            sql.append(" and (cast(a.attributes as jsonb) ->> ?) = ?");
            arguments.add(request.attribute().substring(0, equals).strip());
            arguments.add(request.attribute().substring(equals + 1).strip());
        }
        if (request.author() != null) {
            sql.append(" and a.author = ?");
            arguments.add(request.author());
        }
        if (request.status() != null) {
            sql.append(" and coalesce((select r.status from review_status r where r.source_id = a.source_id "
                    + "and r.reviewer = a.author), 'NOT_STARTED') = ?");
            arguments.add(request.status());
        }
        String outcome = null;
        boolean undecided = false;
        if (request.decision() != null) {
            switch (request.decision()) {
                case "accepted" -> outcome = "ACCEPTED";
                case "rejected" -> outcome = "REJECTED";
                default -> undecided = true;
            }
        }
        boolean gold = "gold".equals(request.layer());
        if (outcome != null || undecided || gold) {
            // Decisions and the gold layer are colleagues' work: nothing of them on a source blind to the caller.
            sql.append(" and a.source_id <> all(?)");
            arguments.add(blind);
        }
        if (outcome != null) {
            sql.append(" and exists (").append(DECIDED).append(" and d.outcome = ?)");
            arguments.add(outcome);
        }
        if (undecided) {
            sql.append(" and not exists (").append(DECIDED).append(")");
        }
        if (gold) {
            sql.append(" and exists (").append(DECIDED).append(" and d.outcome = 'ACCEPTED')");
        }
    }

    /** The decision an annotation is in (at most one: V13_1's uk_decision_annotation). */
    static final String DECIDED = "select 1 from decision_annotation da join decision d on d.id = da.decision_id "
            + "where da.annotation_id = a.id";
}
