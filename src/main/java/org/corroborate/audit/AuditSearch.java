package org.corroborate.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds audit events by filter, newest first. Without a filter it pages by sequence number, which
 * stays fast however long the log; with one it uses the indexes on actor, action, source and time.
 */
@Component
class AuditSearch {

    private final EntityManager entities;
    private final AuditChainHeadRepository head;

    AuditSearch(EntityManager entities, AuditChainHeadRepository head) {
        this.entities = entities;
        this.head = head;
    }

    /** The events matching the filter that the scope admits, newest first, from the {@code offset}-th on. */
    List<AuditEvent> find(AuditFilter filter, AuditScope scope, int offset, int limit) {
        return find(filter, scope, null, offset, limit);
    }

    /**
     * The events matching the filter that the scope admits, newest first, with sequence numbers
     * below {@code belowSeq} (when given): for walking the whole log page by page at the same cost
     * per page however deep, as exports do, where an offset would read every skipped event again.
     */
    List<AuditEvent> find(AuditFilter filter, AuditScope scope, Long belowSeq, int offset, int limit) {
        if (filter.isEmpty() && scope.everything()) {
            long top = (belowSeq == null ? head.head().getSeq() + 1 : belowSeq) - 1 - offset;
            return entities.createQuery("select e from AuditEvent e where e.seq <= :top order by e.seq desc",
                            AuditEvent.class)
                    .setParameter("top", top).setMaxResults(limit).getResultList();
        }
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(jpql, parameters, "e.actor = :actor", "actor", filter.actor());
        condition(jpql, parameters, "e.sourceId = :sourceId", "sourceId", filter.sourceId());
        condition(jpql, parameters, "e.action = :action", "action", filter.action());
        condition(jpql, parameters, "e.entityType = :entityType", "entityType", filter.entityType());
        condition(jpql, parameters, "e.entityId = :entityId", "entityId", filter.entityId());
        condition(jpql, parameters, "e.occurredAt >= :from", "from", filter.from());
        condition(jpql, parameters, "e.occurredAt < :to", "to", filter.to());
        condition(jpql, parameters, "e.seq < :belowSeq", "belowSeq", belowSeq);
        jpql.append(scope.condition(parameters));
        // The filtered column is fixed, so ordering by it too changes nothing but lets the database read
        // the first page straight from the index that ends in seq, instead of sorting every match.
        jpql.append(" order by ").append(indexOrder(filter)).append("e.seq desc");
        TypedQuery<AuditEvent> query = entities.createQuery(jpql.toString(), AuditEvent.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static String indexOrder(AuditFilter filter) {
        if (present(filter.actor())) {
            return "e.actor desc, ";
        }
        if (present(filter.action())) {
            return "e.action desc, ";
        }
        if (filter.sourceId() != null) {
            return "e.sourceId desc, ";
        }
        if (present(filter.entityType()) && present(filter.entityId())) {
            return "e.entityType desc, e.entityId desc, ";
        }
        return "";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The distinct values of a field among the events the scope admits, for the view's filters. */
    List<String> distinct(String field, AuditScope scope) {
        if (!List.of("actor", "action", "entityType").contains(field)) {
            throw new IllegalArgumentException(field);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = scope.condition(parameters);
        TypedQuery<String> query = entities.createQuery("select distinct e." + field + " from AuditEvent e where 1 = 1"
                + where + " order by 1", String.class);
        parameters.forEach(query::setParameter);
        return new ArrayList<>(query.getResultList());
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String clause, String name,
                                  Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        jpql.append(" and ").append(clause);
        parameters.put(name, value instanceof String s ? s.strip() : value);
    }
}
