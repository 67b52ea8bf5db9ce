package org.corroborate.review.agreement;

/** One source's agreement at a glance, for the dashboard's table. */
public record SourceAgreement(long sourceId, String title, int annotations, Double spanF1Overlap, Double cohenKappa,
                              Double incompleteShare) {}
