package org.corroborate.source;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SourceVersionRepository extends JpaRepository<SourceVersion, Long> {

    @Query("select v from SourceVersion v where v.sourceId = :sourceId order by v.number")
    List<SourceVersion> findBySource(Long sourceId);

    @Query("select v from SourceVersion v where v.sourceId = :sourceId and v.number = :number")
    Optional<SourceVersion> findOne(Long sourceId, int number);
}
