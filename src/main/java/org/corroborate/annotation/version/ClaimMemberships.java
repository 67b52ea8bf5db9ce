package org.corroborate.annotation.version;

import java.util.List;

/**
 * What a revision report needs to know of claims, which lie above annotations: the claim memberships
 * of a source's annotations. Implemented in {@code claim}; absent, the report lists no memberships.
 */
public interface ClaimMemberships {

    /** Every claim membership of the source's annotations, by membership id. */
    List<Membership> ofSource(long sourceId);

    /** One annotation in one claim with its stance ({@code SUPPORTS}, {@code CONTRADICTS}, {@code QUALIFIES}). */
    record Membership(long id, long claim, String statement, long annotation, String stance) {}
}
