package org.corroborate.search;

/**
 * Where the searching happens. One implementation is active per node, chosen by
 * {@code workbench.search.engine}: {@code lucene} (Hibernate Search's Lucene backend, an index under the
 * data folder; the embedded default) or {@code postgres} (PostgreSQL full-text search; required when
 * several nodes share one database, so that every node answers the same within seconds of a write).
 *
 * <p>Engines are called only by {@link SearchService}, with a checked request and the caller's scope.
 */
public interface SearchEngine {

    /** The engine's name as configured: {@code lucene} or {@code postgres}. */
    String name();

    /**
     * Runs the query with the request's filters inside the caller's scope.
     *
     * @param query   the parsed query; never null (a blank query is refused before)
     * @param request the filters and the page
     * @param scope   what the caller may read
     */
    SearchResults search(QueryNode query, SearchRequest request, SearchScope scope);

    /** Whether the index is ready to answer, and how far a rebuild has come. */
    IndexStatus status();

    /**
     * The index's state.
     *
     * @param ready    answers are complete
     * @param building a rebuild is running
     * @param done     entities indexed so far by the running rebuild
     * @param total    entities the running rebuild will index (0 when unknown or not building)
     */
    record IndexStatus(boolean ready, boolean building, long done, long total) {}
}
