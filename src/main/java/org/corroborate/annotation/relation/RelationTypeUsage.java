package org.corroborate.annotation.relation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.corroborate.scheme.RelationUsage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The relations under a project's scheme, counted per type for a scheme change that would remove a type. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RelationTypeUsage implements RelationUsage {

    private final RelationRepository relations;

    RelationTypeUsage(RelationRepository relations) {
        this.relations = relations;
    }

    @Override
    public String what() {
        return "relations";
    }

    @Override
    public Map<String, Long> relationUses(long projectId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : relations.countByType(projectId)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
