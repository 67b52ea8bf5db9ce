package org.corroborate.source;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SourceOriginalRepository extends JpaRepository<SourceOriginal, String> {

    /** The size of a stored original in bytes, without loading its bytes. */
    @Query("select o.size from SourceOriginal o where o.sha256 = :sha256")
    Optional<Long> findSize(String sha256);
}
