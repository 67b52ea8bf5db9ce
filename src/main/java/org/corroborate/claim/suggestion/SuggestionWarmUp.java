package org.corroborate.claim.suggestion;

import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the node serves, catches the suggestion index up with every project in the background (a
 * fresh node, or sources imported while it was down), so that the first question about a large
 * project does not wait for its indexing. A question that comes first waits only for its own
 * project's part. Off with {@code workbench.suggestions.warm-up=false}.
 */
@Component
class SuggestionWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SuggestionWarmUp.class);

    private final SuggestionService suggestions;
    private final ProjectService projects;
    private final CurrentActor actor;
    private final boolean enabled;

    SuggestionWarmUp(SuggestionService suggestions, ProjectService projects, CurrentActor actor,
                     @Value("${workbench.suggestions.warm-up:true}") boolean enabled) {
        this.suggestions = suggestions;
        this.projects = projects;
        this.actor = actor;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            return;
        }
        Thread.ofVirtual().name("suggestion-warm-up").start(() -> actor.runAs("system", Role.ADMIN, () -> {
            for (long project : projects.readableIds()) {
                try {
                    suggestions.catchUp(project);
                } catch (RuntimeException e) {
                    log.warn("Suggestion index: project {} could not be indexed in the background: {}", project,
                            e.toString());
                }
            }
            return null;
        }));
    }
}
