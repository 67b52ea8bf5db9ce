package org.corroborate.claim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.version.ClaimMemberships;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The claim memberships of a source's annotations, for a revision's report (the caller is an overseer). */
@Component
class ClaimMembershipsOfSource implements ClaimMemberships {

    private final ClaimMemberRepository members;
    private final ClaimRepository claims;

    ClaimMembershipsOfSource(ClaimMemberRepository members, ClaimRepository claims) {
        this.members = members;
        this.claims = claims;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Membership> ofSource(long sourceId) {
        List<ClaimMember> found = members.findBySourceIdOrderByIdAsc(sourceId);
        Map<Long, String> statements = new HashMap<>();
        claims.findAllById(found.stream().map(ClaimMember::getClaimId).distinct().toList())
                .forEach(c -> statements.put(c.getId(), c.getStatement()));
        return found.stream().map(m -> new Membership(m.getId(), m.getClaimId(), statements.get(m.getClaimId()),
                m.getAnnotationId(), m.getStance().name())).toList();
    }
}
