package org.corroborate.search;

import java.util.Map;

/**
 * A search refused because the search index is being rebuilt: the API answers 503
 * {@code index_building} with a {@code Retry-After} header and the progress in {@code details}
 * ({@code done}, {@code total}); the search page shows {@code search.ui.IndexProgress} instead.
 */
public class IndexBuildingException extends RuntimeException {

    /** Seconds a client should wait before asking again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final transient SearchEngine.IndexStatus status;

    public IndexBuildingException(SearchEngine.IndexStatus status) {
        super(status.building()
                ? "The search index is being rebuilt (" + status.done() + " of " + status.total()
                        + " documents); search again in a moment."
                : "The search index is not ready (its last rebuild failed); an administrator can rebuild it.");
        this.status = status;
    }

    /** The index's state when the search was refused. */
    public SearchEngine.IndexStatus status() {
        return status;
    }

    /** What the API error's {@code details} carry. */
    public Map<String, Object> details() {
        return Map.of("building", status.building(), "done", status.done(), "total", status.total());
    }
}
