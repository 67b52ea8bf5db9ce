package org.corroborate.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Append-only access to the audit log: there is deliberately no update or delete. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);

    Optional<AuditEvent> findFirstByOrderBySeqDesc();
}
