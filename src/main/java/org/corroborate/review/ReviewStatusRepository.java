package org.corroborate.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReviewStatusRepository extends JpaRepository<ReviewStatus, Long> {

    Optional<ReviewStatus> findBySourceIdAndReviewer(Long sourceId, String reviewer);

    List<ReviewStatus> findBySourceIdOrderByReviewer(Long sourceId);

    List<ReviewStatus> findByReviewer(String reviewer);

    /** {@code [source id, reviewer]} of every review submitted on a project's sources. */
    @Query(value = """
            select r.source_id, r.reviewer from review_status r join source s on s.id = r.source_id
            where s.project_id = :projectId and r.status = 'SUBMITTED'""", nativeQuery = true)
    List<Object[]> submittedIn(Long projectId);

    /** {@code [source id, reviewer]} of every review in a state on the sources of some projects (corpus search). */
    @Query(value = """
            select r.source_id, r.reviewer from review_status r join source s on s.id = r.source_id
            where s.project_id in (:projectIds) and r.status = :status""", nativeQuery = true)
    List<Object[]> inState(Collection<Long> projectIds, String status);
}
