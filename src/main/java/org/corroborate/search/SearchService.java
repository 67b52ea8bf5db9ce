package org.corroborate.search;

import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * PROVISIONAL (search-ui, until S1's {@code [search-api]} is merged): the contract's shape of the one
 * door to search, so that the search page compiles and runs before the engines exist. It checks
 * the query with S1's parser and finds nothing. S1's real {@code SearchService} replaces this file entirely when its branch is merged.
 */
@Service
public class SearchService {

    /** Runs a search as the signed-in person; this provisional one answers no hits. */
    @PreAuthorize("isAuthenticated()")
    public SearchResults search(SearchRequest request) {
        SearchQueryParser.parse(request.q()); // refuses what the real one refuses, with the same messages
        return new SearchResults(0, List.of(), Map.of(), 0);
    }

    /** The active engine's index state; this provisional one is always ready. */
    @PreAuthorize("isAuthenticated()")
    public SearchEngine.IndexStatus status() {
        return new SearchEngine.IndexStatus(true, false, 0, 0);
    }
}
