package org.corroborate.claim.suggestion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Suggested passages of other sources for an annotation, over HTTP, as the caller. Offsets are code points. */
@RestController
@Tag(name = "Suggestions", description = "Passages of other sources that may carry an annotation's claim")
class SuggestionController {

    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/api/annotations/{id}/suggestions")
    @Operation(summary = "Ranked passages of the project's other sources; ?size=N (default 10, 1..50)")
    Suggestions suggest(@PathVariable long id,
                        @RequestParam(defaultValue = "" + SuggestionService.DEFAULT_SIZE) int size) {
        return suggestions.suggest(id, size);
    }
}
