package org.corroborate.review.assignment;

/** A reviewer's workload: sources assigned, and how many are not started, in progress, submitted. */
public record ReviewerProgress(String reviewer, int assigned, int notStarted, int inProgress, int submitted) {}
