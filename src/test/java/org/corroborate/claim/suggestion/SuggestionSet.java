package org.corroborate.claim.suggestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled set of src/test/resources/claims/suggestion-set.json: invented news-like sources
 * about a few stories, and for each query span the passages of other sources that carry the same
 * claim. Quotes are exact substrings of their source's text.
 */
public record SuggestionSet(String description, List<SetSource> sources, List<Query> queries) {

    /** A source of the set: a key, its title, its text. */
    public record SetSource(String id, String title, String text) {}

    /** A span of one source, and the passages of other sources carrying its claim. */
    public record Query(String source, String quote, List<Relevant> relevant) {}

    /** A passage carrying the query's claim: its source's key and its words. */
    public record Relevant(String source, String quote) {}

    /** A passage found for a query: its source's key and {@code [start, end)} in code points. */
    public record Found(String source, int start, int end) {}

    /** Reads the set from the class path. */
    public static SuggestionSet load() {
        try (InputStream in = SuggestionSet.class.getResourceAsStream("/claims/suggestion-set.json")) {
            return JsonMapper.builder().build().readValue(in, SuggestionSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source of this key. */
    public SetSource source(String key) {
        return sources.stream().filter(s -> s.id().equals(key)).findFirst().orElseThrow();
    }

    /** How many relevant passages there are over all queries. */
    public int relevantCount() {
        return queries.stream().mapToInt(q -> q.relevant().size()).sum();
    }

    /** Whether a found passage is (overlaps) this relevant passage. */
    public boolean matches(Relevant relevant, Found found) {
        if (!relevant.source().equals(found.source())) {
            return false;
        }
        String text = source(relevant.source()).text();
        int at = text.indexOf(relevant.quote());
        int start = text.codePointCount(0, at);
        int end = start + relevant.quote().codePointCount(0, relevant.quote().length());
        return found.start() < end && start < found.end();
    }

    /** The share of relevant passages (over all queries) among each query's found passages. */
    public double recall(java.util.function.Function<Query, List<Found>> finder) {
        int hits = 0;
        for (Query query : queries) {
            List<Found> found = finder.apply(query);
            for (Relevant relevant : query.relevant()) {
                if (found.stream().anyMatch(f -> matches(relevant, f))) {
                    hits++;
                }
            }
        }
        return (double) hits / relevantCount();
    }

    /** "16 sources, 16 queries, 22 relevant passages". */
    public String size() {
        return sources.size() + " sources, " + queries.size() + " queries, " + relevantCount() + " relevant passages";
    }
}
