package org.corroborate.claim;

/**
 * One membership as agreement on claims reads it: which claim, which annotation of which source,
 * with what stance, added by whom. Every membership of a project, blind sources included: only the
 * project's overseers read these ({@link ClaimService#memberships}).
 */
public record ClaimMembership(long claim, long annotation, long source, Stance stance, String addedBy) {}
