package org.corroborate.review.adjudication;

import java.util.List;
import org.corroborate.annotation.AnnotationDetails;

/**
 * A unit to adjudicate: annotations of one source whose spans overlap (directly or through each
 * other), with whether every reviewer of the source made the same span and label, and the decision
 * taken on it, if any.
 */
public record Unit(int start, int end, List<AnnotationDetails> versions, boolean agreed, DecisionDetails decision) {}
