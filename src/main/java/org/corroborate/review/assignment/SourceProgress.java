package org.corroborate.review.assignment;

import java.util.Map;
import org.corroborate.review.ReviewState;

/** A source's reviewers and where each stands with it. */
public record SourceProgress(long sourceId, String title, Map<String, ReviewState> reviewers) {}
