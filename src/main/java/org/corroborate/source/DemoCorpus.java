package org.corroborate.source;

import java.io.IOException;
import java.io.InputStream;
import org.corroborate.base.AnnotationsFolder;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.DemoProjectsCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo sources when demo mode has just set up an empty database: annotations/corpus/
 * into the main demo project, annotations/training/ into the second; then {@link DemoCorpusLoaded}.
 */
@Component
class DemoCorpus {

    private static final Logger log = LoggerFactory.getLogger(DemoCorpus.class);

    private final SourceService sources;
    private final AnnotationsFolder folder;
    private final TransactionTemplate transaction;
    private final CurrentActor actor;

    private final ApplicationEventPublisher events;

    DemoCorpus(SourceService sources, AnnotationsFolder folder, TransactionTemplate transaction,
               CurrentActor actor, ApplicationEventPublisher events) {
        this.sources = sources;
        this.folder = folder;
        this.transaction = transaction;
        this.actor = actor;
        this.events = events;
    }

    @EventListener
    void load(DemoProjectsCreated event) {
        load(event.main(), "corpus/");
        load(event.second(), "training/");
        events.publishEvent(new DemoCorpusLoaded(event.main()));
    }

    private void load(long projectId, String subfolder) {
        var files = folder.files(subfolder + "*.*").stream()
                .filter(r -> SourceParser.EXTENSIONS.stream().anyMatch(ext -> String.valueOf(r.getFilename())
                        .toLowerCase().endsWith("." + ext)))
                .map(DemoCorpus::read)
                .toList();
        var outcomes = actor.runAs("admin", Role.ADMIN,
                () -> transaction.execute(status -> sources.importFiles(projectId, files)));
        log.info("Demo mode: imported {} demo sources from {}{} into project {}", outcomes.size(), folder.location(),
                subfolder, projectId);
    }

    private static SourceService.NamedContent read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new SourceService.NamedContent(resource.getFilename(), in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo source " + resource.getFilename(), e);
        }
    }
}
