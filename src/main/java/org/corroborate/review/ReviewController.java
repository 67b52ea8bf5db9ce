package org.corroborate.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.corroborate.base.WorkbenchException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Review status over HTTP: submit your work on a source, see who has, reopen as a supervisor. */
@RestController
@RequestMapping("/api/sources/{sourceId}")
@Tag(name = "Review status")
class ReviewController {

    private final ReviewStatusService reviews;

    ReviewController(ReviewStatusService reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/submit")
    @Operation(summary = "Mark the caller's review of this source SUBMITTED")
    ReviewStatusDetails submit(@PathVariable long sourceId) {
        return reviews.submit(sourceId);
    }

    @GetMapping("/status")
    @Operation(summary = "Every reviewer's status on this source; in blind mode a reviewer who has not submitted sees only their own")
    List<ReviewStatusDetails> statuses(@PathVariable long sourceId) {
        return reviews.statusesOf(sourceId);
    }

    @PostMapping("/reopen")
    @Operation(summary = "Supervisor: send a submitted source back to a reviewer, with a reason")
    ReviewStatusDetails reopen(@PathVariable long sourceId, @RequestBody ReopenRequest request) {
        if (request.reviewer() == null || request.reviewer().isBlank()) {
            throw WorkbenchException.badInput("'reviewer' is required: the username whose review to reopen.");
        }
        return reviews.reopen(sourceId, request.reviewer(), request.reason());
    }

    record ReopenRequest(String reviewer, String reason) {}
}
