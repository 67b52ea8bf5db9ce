package org.corroborate.review.agreement;

import java.util.List;

/**
 * Agreement over some sources: who is compared, on how many annotations, the share of positions
 * only some reviewers annotated, and every measure's figures.
 */
public record AgreementReport(List<Long> sources, List<String> reviewers, int annotations, Double incompleteShare,
                              List<MeasureResult> measures) {}
