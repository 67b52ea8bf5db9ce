package org.corroborate.claim;

import java.time.Instant;

/**
 * A supervisor's decision on one membership: the outcome, why (always given), who decided and when.
 */
public record MemberDecision(MemberOutcome outcome, String reason, String decidedBy, Instant decidedAt) {}
