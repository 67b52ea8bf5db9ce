package org.corroborate.claim;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClaimRepository extends JpaRepository<Claim, Long> {

    List<Claim> findByProjectIdOrderByModifiedAtDescIdDesc(long projectId);

    /** The claim, its row locked until the transaction ends: member changes of one claim take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Claim c where c.id = :id")
    Optional<Claim> findLocked(long id);
}
