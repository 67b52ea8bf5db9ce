package org.corroborate.review.assignment;

import org.corroborate.review.ReviewState;

/**
 * One source of the caller's work queue ({@code GET /api/me/queue}): whether it is assigned to them,
 * and their own review status on it.
 */
public record QueueEntry(long sourceId, String title, boolean assigned, ReviewState state) {}
