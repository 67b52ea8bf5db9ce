package org.corroborate.search;

/**
 * The search index's state, as {@code GET /api/search/status} answers it.
 *
 * @param engine    {@code lucene} (Hibernate Search, an index on this node) or {@code postgres}
 *                  (PostgreSQL full-text search: always ready, never rebuilt)
 * @param ready     searches are answered (false while a rebuild runs or after one failed)
 * @param building  a rebuild is running
 * @param done      documents the running rebuild has indexed (or the last rebuild, when none runs)
 * @param total     documents the running rebuild will index (or the last one indexed); 0 when unknown
 * @param documents documents in the index, counted at start and after each rebuild (0 for postgres)
 */
public record SearchIndexStatus(String engine, boolean ready, boolean building, long done, long total,
                                long documents) {

    static SearchIndexStatus of(SearchIndex index) {
        SearchEngine.IndexStatus status = index.status();
        return new SearchIndexStatus(index.active() ? "lucene" : "postgres", status.ready(), status.building(),
                status.done(), status.total(), index.documents());
    }
}
