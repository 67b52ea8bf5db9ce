package org.corroborate.audit;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditChainHeadRepository extends Repository<AuditChainHead, Integer> {

    /** The head, locked until the writing transaction ends: concurrent writers append one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AuditChainHead h where h.id = 1")
    AuditChainHead lockHead();

    @Query("select h from AuditChainHead h where h.id = 1")
    AuditChainHead head();
}
