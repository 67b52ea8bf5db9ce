package org.corroborate.annotation.relation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RelationRepository extends JpaRepository<Relation, Long> {

    @Query("select r from Relation r where r.sourceId = :sourceId order by r.id")
    List<Relation> findBySource(Long sourceId);

    /** The relations that start or end at the annotation. */
    @Query("select r from Relation r where r.from = :annotationId or r.to = :annotationId order by r.id")
    List<Relation> findTouching(Long annotationId);

    @Query("select r from Relation r where r.from = :from and r.to = :to and r.type = :type")
    Optional<Relation> findSame(Long from, Long to, String type);

    /** Per relation type, how many relations of the project have it: {@code [type, count]} rows. */
    @Query("select r.type, count(r) from Relation r where r.projectId = :projectId group by r.type")
    List<Object[]> countByType(Long projectId);
}
