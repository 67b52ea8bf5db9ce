package org.corroborate.search.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.corroborate.base.CodePoints;

/**
 * A hit's snippet with its matched words marked: plain text nodes and {@code <mark>} elements built
 * one by one from {@code SearchHit.highlights} (code point ranges into the snippet), never parsed as
 * markup, so a snippet full of {@code <script>} shows as text.
 */
public final class Snippet extends Span {

    /** One stretch of the snippet, marked when the query matched it. */
    public record Part(String text, boolean marked) {}

    /** The snippet of a hit, its highlighted words in {@code <mark>}. */
    public Snippet(String snippet, List<int[]> highlights) {
        addClassName("cb-search-snippet");
        for (Part part : parts(snippet, highlights)) {
            Element node = part.marked() ? new Element("mark") : new Element("span");
            node.setText(part.text());
            getElement().appendChild(node);
        }
    }

    /**
     * The snippet cut at the highlights: ranges are code points [start, end) into the snippet, taken in
     * order; ranges out of bounds are clipped, empty or overlapping ones (after the previous end) skipped.
     */
    public static List<Part> parts(String snippet, List<int[]> highlights) {
        String text = snippet == null ? "" : snippet;
        CodePoints points = new CodePoints(text);
        List<int[]> ranges = new ArrayList<>(highlights == null ? List.of() : highlights);
        ranges.removeIf(range -> range == null || range.length < 2);
        ranges.sort(Comparator.comparingInt(range -> range[0]));
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int[] range : ranges) {
            int start = Math.max(at, Math.min(range[0], points.length()));
            int end = Math.max(start, Math.min(range[1], points.length()));
            if (end == start) {
                continue;
            }
            if (start > at) {
                parts.add(new Part(points.substring(at, start), false));
            }
            parts.add(new Part(points.substring(start, end), true));
            at = end;
        }
        if (at < points.length()) {
            parts.add(new Part(points.substring(at, points.length()), false));
        }
        return parts;
    }
}
