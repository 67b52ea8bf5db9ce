package org.corroborate.review.agreement;

import java.util.List;
import org.corroborate.annotation.AnnotationDetails;

/** A stretch of a source where two reviewers' annotations differ, with each one's versions side by side. */
public record Disagreement(long sourceId, String sourceTitle, int start, int end, String text,
                           List<AnnotationDetails> first, List<AnnotationDetails> second) {}
