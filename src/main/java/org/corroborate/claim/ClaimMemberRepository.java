package org.corroborate.claim;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClaimMemberRepository extends JpaRepository<ClaimMember, Long> {

    List<ClaimMember> findByClaimIdOrderByIdAsc(long claimId);

    List<ClaimMember> findByClaimIdInOrderByIdAsc(Collection<Long> claimIds);

    List<ClaimMember> findByProjectIdOrderByIdAsc(long projectId);

    List<ClaimMember> findByAnnotationIdOrderByIdAsc(long annotationId);

    List<ClaimMember> findBySourceIdOrderByIdAsc(long sourceId);

    Optional<ClaimMember> findByClaimIdAndAnnotationId(long claimId, long annotationId);

    boolean existsByClaimIdAndAnnotationId(long claimId, long annotationId);
}
