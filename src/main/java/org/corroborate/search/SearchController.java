package org.corroborate.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.corroborate.base.WorkbenchException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Corpus search over HTTP: {@code GET /api/search} (docs/api.md, "Search"). */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Corpus search over source texts and annotations")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search source texts and annotations: words, \"phrases\", prefix*, OR, -word, (groups); "
            + "filters, facets (label, author, source) and paging; offsets in code points")
    SearchResults search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) Long project, @RequestParam(required = false) Long source,
                         @RequestParam(required = false) String label,
                         @RequestParam(required = false) String attribute,
                         @RequestParam(required = false) String author,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) String decision,
                         @RequestParam(required = false) String layer,
                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return search.search(new SearchRequest(q, kind(kind), project, source, label, attribute, author, status,
                decision, layer, date("from", from), date("to", to), page, size));
    }

    /** {@code text}, {@code annotation} (or {@code annotations}), or nothing for both; 400 otherwise. */
    static SearchKind kind(String kind) {
        if (kind == null || kind.isBlank() || kind.equalsIgnoreCase("all")) {
            return null;
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> SearchKind.TEXT;
            case "annotation", "annotations" -> SearchKind.ANNOTATION;
            default -> throw WorkbenchException.badInput("Unknown kind '" + kind + "': use text or annotation.");
        };
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw WorkbenchException.badInput(name + " must be a date as YYYY-MM-DD, not '" + value + "'.");
        }
    }
}
