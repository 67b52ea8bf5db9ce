package org.corroborate.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total, and counts per facet over all matching hits (not only the page).
 *
 * @param total  all matching hits the caller may read
 * @param hits   this page, best first
 * @param facets {@code label}, {@code author} and {@code source} to their counts, largest first, at
 *               most 20 values each
 * @param tookMs the engine's time in milliseconds
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, long tookMs) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /**
     * @param value   the facet value as filtered on (label name, username, source id as text)
     * @param display what to show (the label's title, the username, the source's title)
     * @param count   matching hits with that value
     */
    public record FacetCount(String value, String display, long count) {}
}
