package org.corroborate.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    Optional<Assessment> findByAnnotationIdAndReviewer(Long annotationId, String reviewer);

    List<Assessment> findByAnnotationIdOrderByReviewer(Long annotationId);

    List<Assessment> findBySourceId(Long sourceId);
}
