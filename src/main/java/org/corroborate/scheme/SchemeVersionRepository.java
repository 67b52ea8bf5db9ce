package org.corroborate.scheme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SchemeVersionRepository extends JpaRepository<SchemeVersion, Long> {

    Optional<SchemeVersion> findFirstByProjectIdOrderByNumberDesc(Long projectId);

    Optional<SchemeVersion> findByProjectIdAndNumber(Long projectId, int number);

    List<SchemeVersion> findByProjectIdOrderByNumberAsc(Long projectId);

    boolean existsByProjectId(Long projectId);
}
