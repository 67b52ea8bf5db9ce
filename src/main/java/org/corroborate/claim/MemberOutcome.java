package org.corroborate.claim;

/** A supervisor's decision on one membership of a claim: accepted members form the gold layer of claims. */
public enum MemberOutcome {
    ACCEPTED,
    REJECTED
}
