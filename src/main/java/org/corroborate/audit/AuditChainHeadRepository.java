package org.corroborate.audit;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditChainHeadRepository extends Repository<AuditChainHead, Integer> {

    @Query("select h from AuditChainHead h where h.id = 1")
    AuditChainHead head();
}
