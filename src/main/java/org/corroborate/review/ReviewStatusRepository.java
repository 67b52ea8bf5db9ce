package org.corroborate.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewStatusRepository extends JpaRepository<ReviewStatus, Long> {

    Optional<ReviewStatus> findBySourceIdAndReviewer(Long sourceId, String reviewer);

    List<ReviewStatus> findBySourceIdOrderByReviewer(Long sourceId);

    List<ReviewStatus> findByReviewer(String reviewer);
}
