package org.corroborate.review.adjudication;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findBySourceIdOrderByIdAsc(Long sourceId);

    @Query("select distinct d from Decision d join d.basedOn a where a in :annotationIds")
    List<Decision> findByAnyAnnotation(Collection<Long> annotationIds);

    /** The accepted decisions of these sources: the gold spans. */
    @Query("select d from Decision d where d.sourceId in :sourceIds and d.goldLabel is not null order by d.id")
    List<Decision> findGoldOf(Collection<Long> sourceIds);

    /** {@code [annotation id, outcome]} of every decision on the sources of some projects, oldest first (corpus search). */
    @Query(value = """
            select da.annotation_id, d.outcome from decision d join decision_annotation da on da.decision_id = d.id
            join source s on s.id = d.source_id where s.project_id in (:projectIds) order by d.id""", nativeQuery = true)
    List<Object[]> outcomesIn(Collection<Long> projectIds);
}
