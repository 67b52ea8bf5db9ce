package org.corroborate.claim;

/**
 * One member of an imported claim: the annotation (its id in this workbench), its stance, who added it,
 * and the supervisor's decision on it, or null.
 */
public record ImportedMember(long annotation, Stance stance, String addedBy, MemberDecision decision) {}
