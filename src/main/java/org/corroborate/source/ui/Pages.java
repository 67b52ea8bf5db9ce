package org.corroborate.source.ui;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The pages of a paged source (a PDF) as the screens name them: the code point offsets where pages
 * 1, 2, ... begin (page 1 at 0), as {@code SourceSummary.pages()} gives them; empty for a text
 * without pages, whose offsets then have no page (0).
 *
 * @param starts ascending code point offsets, one per page
 */
public record Pages(List<Integer> starts) {

    /** A text without pages. */
    public static final Pages NONE = new Pages(List.of());

    public Pages {
        starts = starts == null ? List.of() : List.copyOf(starts);
    }

    /** The pages of a source, given its page starts (null or empty: no pages). */
    public static Pages of(List<Integer> starts) {
        return starts == null || starts.isEmpty() ? NONE : new Pages(starts);
    }

    /** Whether the text has pages at all. */
    public boolean paged() {
        return !starts.isEmpty();
    }

    /** How many pages there are; 0 for a text without pages. */
    public int count() {
        return starts.size();
    }

    /** The page (from 1) holding code point {@code offset}; 0 for a text without pages. */
    public int pageOf(int offset) {
        if (starts.isEmpty()) {
            return 0;
        }
        int found = Collections.binarySearch(starts, offset);
        int page = found >= 0 ? found + 1 : -found - 1;
        return Math.max(1, page);
    }

    /**
     * How a span [start, end) is cited: "p. 3", or "pp. 3–4" across a page break; empty for a text
     * without pages. The end is exclusive, so a span ending where a page begins stays on the page before.
     */
    public String cite(int start, int end) {
        if (starts.isEmpty()) {
            return "";
        }
        int first = pageOf(start);
        int last = pageOf(Math.max(start, end - 1));
        return first == last ? "p. " + first : String.format(Locale.ROOT, "pp. %d–%d", first, last);
    }
}
