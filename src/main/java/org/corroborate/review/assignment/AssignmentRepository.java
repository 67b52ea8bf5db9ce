package org.corroborate.review.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findBySourceIdOrderByReviewer(Long sourceId);

    List<Assignment> findAllByOrderBySourceIdAscReviewerAsc();

    boolean existsBySourceIdAndReviewer(Long sourceId, String reviewer);

    List<Assignment> findByReviewer(String reviewer);

    /** {@code [source id, reviewer]} of every assignment on a project's sources. */
    @Query(value = """
            select a.source_id, a.reviewer from assignment a join source s on s.id = a.source_id
            where s.project_id = :projectId""", nativeQuery = true)
    List<Object[]> assignedIn(Long projectId);
}
