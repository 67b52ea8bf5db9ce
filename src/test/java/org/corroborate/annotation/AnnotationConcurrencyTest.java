package org.corroborate.annotation;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** Many people saving one annotation at once: one winner per version, clear conflicts for the rest, nothing lost. */
@WorkbenchTest
class AnnotationConcurrencyTest {

    @Autowired
    AnnotationService annotations;

    @Autowired
    SourceService sources;

    @Autowired
    CurrentActor actor;

    @Test
    void exactlyOneWriterWinsEachVersion() throws Exception {
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Race", "A contested sentence, written by twelve hands at once.", null, null, null, null)).source().id();
        AnnotationDetails created = actor.runAs("alice", Role.REVIEWER,
                () -> annotations.create(sourceId, AnnotationRequest.create(0, 11, "FACT", Map.of(), null)));

        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String note = "edit " + i;
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    actor.runAs("alice", Role.REVIEWER, () -> annotations.update(created.id(),
                            AnnotationRequest.describe(null, null, note, 0L, null)));
                    return "won:" + note;
                } catch (StaleAnnotationException | OptimisticLockingFailureException e) {
                    return "conflict";
                } catch (WorkbenchException e) {
                    return e.kind() == WorkbenchException.Kind.CONFLICT ? "conflict" : "error:" + e.getMessage();
                }
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r.startsWith("won:")).hasSize(1);
        assertThat(results).filteredOn("conflict"::equals).hasSize(writers - 1);
        AnnotationDetails now = actor.runAs("alice", Role.REVIEWER, () -> annotations.get(created.id()));
        assertThat(now.version()).isEqualTo(1);
        assertThat(results).contains("won:" + now.note());
    }
}
