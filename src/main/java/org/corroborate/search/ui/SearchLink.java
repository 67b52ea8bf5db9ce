package org.corroborate.search.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.corroborate.search.SearchHit;
import org.corroborate.search.SearchKind;
import org.corroborate.search.SearchRequest;

/**
 * A whole search as the search page's URL query parameters, so that a saved search is a link:
 * {@code search?q=minister&kind=annotation&label=QUOTE&page=2}. The parameter names are the API's
 * ({@code GET /api/search}): {@code q}, {@code kind} ({@code text} or {@code annotation}; absent for both),
 * {@code project}, {@code source}, {@code label}, {@code attribute} ({@code name=value}), {@code author},
 * {@code status}, {@code decision}, {@code layer}, {@code from} and {@code to} (ISO dates), {@code page}
 * (0-based; absent for the first). Empty values are left out.
 *
 * <p>Reading is lenient, as a link may be typed by hand: a malformed number, date or kind is ignored
 * (no filter), a page below 0 is the first; the search itself checks the rest (the query syntax).
 */
public final class SearchLink {

    /** Hits per page on the search page. */
    public static final int PAGE_SIZE = 20;

    private SearchLink() {
    }

    /** The request a link asks for, with {@link #PAGE_SIZE} hits per page; {@code q} is "" when absent. */
    public static SearchRequest read(Map<String, List<String>> parameters) {
        Function<String, String> one = name -> {
            List<String> values = parameters.get(name);
            if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
                return null;
            }
            return values.get(0).strip();
        };
        String q = one.apply("q");
        Integer page = number(one.apply("page"), Integer::valueOf);
        return new SearchRequest(q == null ? "" : q, kind(one.apply("kind")), number(one.apply("project"), Long::valueOf),
                number(one.apply("source"), Long::valueOf), one.apply("label"), one.apply("attribute"),
                one.apply("author"), one.apply("status"), one.apply("decision"), one.apply("layer"),
                date(one.apply("from")), date(one.apply("to")), page == null ? 0 : Math.max(0, page), PAGE_SIZE);
    }

    /** The link's parameters for a request, in a stable order, without empty ones and without page 0. */
    public static Map<String, String> write(SearchRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "q", request.q());
        put(parameters, "kind", request.kind() == null ? null : request.kind().name().toLowerCase(Locale.ROOT));
        put(parameters, "project", request.project());
        put(parameters, "source", request.source());
        put(parameters, "label", request.label());
        put(parameters, "attribute", request.attribute());
        put(parameters, "author", request.author());
        put(parameters, "status", request.status());
        put(parameters, "decision", request.decision());
        put(parameters, "layer", request.layer());
        put(parameters, "from", request.publishedFrom());
        put(parameters, "to", request.publishedTo());
        put(parameters, "page", request.page() > 0 ? request.page() : null);
        return parameters;
    }

    /** The same request on another page. */
    public static SearchRequest onPage(SearchRequest request, int page) {
        return new SearchRequest(request.q(), request.kind(), request.project(), request.source(), request.label(),
                request.attribute(), request.author(), request.status(), request.decision(), request.layer(),
                request.publishedFrom(), request.publishedTo(), page, request.size());
    }

    /**
     * Where a hit opens: the source's workspace at the hit's code points ({@code sources/7?at=12-30}), and
     * for an annotation hit the annotation to select ({@code &annotation=42}).
     */
    public static String place(SearchHit hit) {
        String at = "sources/" + hit.source() + "?at=" + hit.start() + "-" + hit.end();
        return hit.annotation() == null ? at : at + "&annotation=" + hit.annotation().id();
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.put(name, value.toString());
        }
    }

    private static SearchKind kind(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> SearchKind.TEXT;
            case "annotation", "annotations" -> SearchKind.ANNOTATION;
            default -> null;
        };
    }

    private static <T> T number(String value, Function<String, T> parse) {
        try {
            return value == null ? null : parse.apply(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
