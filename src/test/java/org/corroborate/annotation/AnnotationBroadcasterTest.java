package org.corroborate.annotation;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.TestAccounts;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19, case 5c: a view already open when blind mode is switched on kept receiving colleagues'
 * new annotations. The push now reads blind mode when it delivers, for each recipient, and tells
 * every open view when blind mode changes.
 */
@WorkbenchTest
class AnnotationBroadcasterTest {

    @Autowired AnnotationBroadcaster broadcaster;
    @Autowired AnnotationService annotations;
    @Autowired SourceService sources;
    @Autowired ReviewStatusService reviews;
    @Autowired CurrentActor actor;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;

    /** What one open view heard. */
    private record Viewer(List<Long> received, List<Boolean> seesColleagues, AnnotationBroadcaster.Subscription handle) {}

    private Viewer open(long source, String user, String role) {
        List<Long> received = new CopyOnWriteArrayList<>();
        List<Boolean> sees = new CopyOnWriteArrayList<>();
        var handle = actor.runAs(user, Role.valueOf(role), () -> broadcaster.subscribe(source, user,
                change -> received.add(change.isDeletion() ? -change.deletedId() : change.annotation().id()),
                names -> { }, sees::add));
        return new Viewer(received, sees, handle);
    }

    private long annotate(long source, String user) {
        return actor.runAs(user, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(0, 3, "FACT", Map.of(), null))).id();
    }

    @Test
    void blindModeSwitchedOnStopsColleaguesAnnotationsReachingAnOpenView() {
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Push", "Push test text for an open view.", null, null, null, null)).source().id();
        Viewer bob = open(source, "bob", "REVIEWER");
        Viewer sam = open(source, "sam", "SUPERVISOR");
        try {
            long before = annotate(source, "alice");
            assertThat(bob.received()).containsExactly(before);

            actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(source), true));
            assertThat(bob.seesColleagues()).as("bob's view is told to drop colleagues' work").containsExactly(false);
            assertThat(sam.seesColleagues()).as("a supervisor still sees everything").containsExactly(true);

            long hidden = annotate(source, "alice");
            long own = annotate(source, "bob");
            assertThat(bob.received()).as("alice's new annotation is not pushed to bob").containsExactly(before, own);
            assertThat(sam.received()).containsExactly(before, hidden, own);

            actor.runAs("bob", Role.REVIEWER, () -> reviews.submit(source));
            long afterSubmitting = annotate(source, "alice");
            assertThat(bob.received()).as("once bob has submitted, colleagues' work reaches him again")
                    .containsExactly(before, own, afterSubmitting);

            actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(source), false));
            assertThat(bob.seesColleagues()).containsExactly(false, true);
        } finally {
            bob.handle().close();
            sam.handle().close();
        }
    }

    /** Removed from a project, a person with one of its sources open hears nothing more from it. */
    @Test
    void aViewerRemovedFromTheProjectStopsReceivingItsChanges() {
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        people.create("push-writer");
        people.create("push-leaver");
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Push isolation desk", null)).id();
        List<ProjectMembership> both = List.of(new ProjectMembership("push-writer", Set.of(Role.REVIEWER)),
                new ProjectMembership("push-leaver", Set.of(Role.REVIEWER)));
        actor.runAs("admin", Role.ADMIN, () -> projects.setMembers(project, both));
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Push", "A text only its "
                + "project's members may follow.", null, null, null, null)).source().id();
        Viewer leaver = open(source, "push-leaver", "REVIEWER");
        try {
            long seen = annotate(source, "push-writer");
            assertThat(leaver.received()).containsExactly(seen);
            actor.runAs("admin", Role.ADMIN, () -> projects.setMembers(project, both.subList(0, 1)));
            assertThat(broadcaster.present(source)).doesNotContain("push-leaver");
            assertThat(leaver.seesColleagues()).as("the open view drops colleagues' work").containsExactly(false);
            annotate(source, "push-writer");
            assertThat(leaver.received()).as("nothing reaches someone who left the project").containsExactly(seen);
        } finally {
            leaver.handle().close();
        }
    }
}
