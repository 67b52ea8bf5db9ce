package org.corroborate.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The search index's state and its rebuild ({@link SearchIndexService}). */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Search the corpus")
class SearchIndexController {

    private final SearchIndexService index;

    SearchIndexController(SearchIndexService index) {
        this.index = index;
    }

    @GetMapping("/status")
    @Operation(summary = "The search index's state: engine, ready, building, and a rebuild's progress (done of total)")
    SearchIndexStatus status() {
        return index.status();
    }

    @PostMapping("/reindex")
    @Operation(summary = "Rebuild the search index in the background (administrators; audited as search.reindexed); "
            + "202 with the state, 409 when a rebuild runs already or the engine is postgres")
    ResponseEntity<SearchIndexStatus> reindex() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(index.reindex());
    }
}
