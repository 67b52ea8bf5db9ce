package org.corroborate.review.adjudication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.scheme.SchemeMigration;
import org.corroborate.scheme.SchemeUsage;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gold spans (accepted decisions) under a project's scheme: counted for a change that would drop
 * a label or an attribute, and relabelled when one is renamed or mapped, through the entity, so
 * their history records the move with the scheme change as the reason.
 */
@Component
@Order(2)
@Transactional(propagation = Propagation.MANDATORY)
class GoldSchemeUsage implements SchemeUsage {

    private final DecisionRepository decisions;
    private final SourceService sources;

    GoldSchemeUsage(DecisionRepository decisions, SourceService sources) {
        this.decisions = decisions;
        this.sources = sources;
    }

    @Override
    public String what() {
        return "gold spans";
    }

    @Override
    public Map<String, Long> labelUses(long projectId) {
        Map<String, Long> uses = new TreeMap<>();
        gold(projectId).forEach(d -> uses.merge(d.goldLabel(), 1L, Long::sum));
        return uses;
    }

    @Override
    public Map<String, Map<String, Map<String, Long>>> attributeValueUses(long projectId) {
        Map<String, Map<String, Map<String, Long>>> uses = new TreeMap<>();
        gold(projectId).forEach(d -> d.goldAttributes().forEach((name, value) ->
                uses.computeIfAbsent(d.goldLabel(), l -> new TreeMap<>()).computeIfAbsent(name, n -> new TreeMap<>())
                        .merge(value, 1L, Long::sum)));
        return uses;
    }

    @Override
    public long migrate(long projectId, SchemeMigration migration, int schemeVersion, String reason) {
        List<Decision> changed = new ArrayList<>();
        for (Decision decision : gold(projectId)) {
            SchemeMigration.Moved to = migration.apply(decision.goldLabel(), decision.goldAttributes(),
                    "The gold span of decision " + decision.getId());
            if (to != null) {
                decision.relabel(to.label(), to.attributes());
                changed.add(decision);
            }
        }
        decisions.flush();
        return changed.size();
    }

    private List<Decision> gold(long projectId) {
        List<Long> ids = sources.list(projectId).stream().map(SourceSummary::id).toList();
        return ids.isEmpty() ? List.of() : decisions.findGoldOf(ids);
    }
}
