package org.corroborate.claim;

import java.time.Instant;
import java.util.List;
import org.corroborate.claim.drift.Drift;

/**
 * A claim in full as the caller may see it: its statement, who made it and when, its
 * {@code version} (counts every change of the claim, its members' included; send it back to rename
 * or delete), the members the caller may see (ordered by their sources' publication dates, undated
 * last), which of them reported it first, and the details on which they drift.
 */
public record ClaimDetails(long id, long project, String statement, String createdBy, Instant createdAt,
                           Instant modifiedAt, long version, List<MemberDetails> members, FirstReport firstReported,
                           List<Drift> drift) {

    public ClaimDetails {
        members = List.copyOf(members);
        drift = List.copyOf(drift);
    }
}
