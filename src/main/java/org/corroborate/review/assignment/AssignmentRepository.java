package org.corroborate.review.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findBySourceIdOrderByReviewer(Long sourceId);

    List<Assignment> findAllByOrderBySourceIdAscReviewerAsc();

    boolean existsBySourceIdAndReviewer(Long sourceId, String reviewer);

    List<Assignment> findByReviewer(String reviewer);
}
