package org.corroborate.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.base.CurrentActor;
import org.corroborate.scheme.SchemeMigration;
import org.corroborate.scheme.SchemeUsage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annotations under a project's scheme: counted for a change that would drop a label or an
 * attribute, and moved when one is renamed or mapped. Each moved annotation is saved through its
 * entity (so its history records the move, with the scheme change as the reason), is marked as saved
 * under the new version, and is pushed to open workspaces; the scheme change's one audit event
 * carries the count.
 */
@Component
@Order(1)
@Transactional(propagation = Propagation.MANDATORY)
class AnnotationSchemeUsage implements SchemeUsage {

    private final AnnotationRepository annotations;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;

    AnnotationSchemeUsage(AnnotationRepository annotations, ApplicationEventPublisher events, CurrentActor actor) {
        this.annotations = annotations;
        this.events = events;
        this.actor = actor;
    }

    @Override
    public String what() {
        return "annotations";
    }

    @Override
    public Map<String, Long> labelUses(long projectId) {
        Map<String, Long> uses = new TreeMap<>();
        annotations.countLabels(projectId).forEach(row -> uses.put((String) row[0], (Long) row[1]));
        return uses;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Map<String, Long>>> attributeValueUses(long projectId) {
        Map<String, Map<String, Map<String, Long>>> uses = new TreeMap<>();
        annotations.labelledAttributes(projectId).forEach(row -> ((Map<String, String>) row[1]).forEach((name, value) ->
                uses.computeIfAbsent((String) row[0], l -> new TreeMap<>()).computeIfAbsent(name, n -> new TreeMap<>())
                        .merge(value, 1L, Long::sum)));
        return uses;
    }

    @Override
    public long migrate(long projectId, SchemeMigration migration, int schemeVersion, String reason) {
        List<String> touched = new ArrayList<>(migration.labels().keySet());
        migration.attributes().keySet().stream().filter(l -> !touched.contains(l)).forEach(touched::add);
        if (touched.isEmpty()) {
            return 0;
        }
        List<Annotation> changed = new ArrayList<>();
        for (Annotation annotation : annotations.findByProjectAndLabels(projectId, touched)) {
            SchemeMigration.Moved to = migration.apply(annotation.getLabel(), annotation.getAttributes(),
                    "Annotation " + annotation.getId());
            if (to == null) {
                continue;
            }
            annotation.describe(to.label(), to.attributes(), annotation.getNote());
            annotation.savedUnder(schemeVersion);
            changed.add(annotation);
        }
        annotations.flush();
        String me = actor.require();
        // Open workspaces show the moved spans once the change commits.
        changed.forEach(a -> events.publishEvent(new AnnotationChanged(a.getSourceId(), a.toDetails(), null, me)));
        return changed.size();
    }
}
