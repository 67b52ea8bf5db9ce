package org.corroborate.claim;

/**
 * A claim or one of its members changed (created, renamed, deleted, a member added, changed,
 * removed or decided), on this node or another: open views of the project read it again. Delivered
 * after the change committed, through {@link ClaimUpdates}; carries ids only.
 */
public record ClaimChanged(long claimId, long projectId) {}
