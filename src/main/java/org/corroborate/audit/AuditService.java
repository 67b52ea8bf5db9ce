package org.corroborate.audit;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the audit log, for supervisors and administrators. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
public class AuditService {

    private final AuditEventRepository events;

    AuditService(AuditEventRepository events) {
        this.events = events;
    }

    public List<AuditEvent> latest(int limit) {
        return events.findAllByOrderByIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 1000))));
    }

    public List<AuditEvent> historyOf(String entityType, String entityId) {
        return events.findByEntityTypeAndEntityIdOrderByIdAsc(entityType, entityId);
    }

    public long count() {
        return events.count();
    }
}
