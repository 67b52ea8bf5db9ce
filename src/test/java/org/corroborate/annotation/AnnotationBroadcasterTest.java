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
import org.corroborate.review.AssessmentService;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.Verdict;
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
    @Autowired AssessmentService assessments;
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
            // His submission told his open view he sees colleagues again (issue 12); blind mode off, still so.
            assertThat(bob.seesColleagues()).containsExactly(false, true, true);
        } finally {
            bob.handle().close();
            sam.handle().close();
        }
    }

    /**
     * Issue 12, item 8: review writes reach open views too. Every open view of the source hears a
     * verdict, a decision or a status change once it commits, and a reviewer's own status change in
     * a blind source re-reads what they may see: submitting shows colleagues, a reopening hides them.
     */
    @Test
    void reviewWritesReachOpenViewsAndAReopeningInBlindModeHidesColleaguesAgain() {
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Review push",
                "Review push test text for an open view.", null, null, null, null)).source().id();
        List<ReviewChanged> heard = new CopyOnWriteArrayList<>();
        List<Boolean> sees = new CopyOnWriteArrayList<>();
        var handle = actor.runAs("bob", Role.REVIEWER, () -> broadcaster.subscribe(source, "bob", change -> { },
                names -> { }, sees::add, heard::add));
        try {
            actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(source), true));
            assertThat(sees).containsExactly(false);
            long alices = annotate(source, "alice");
            actor.runAs("bob", Role.REVIEWER, () -> reviews.submit(source));
            assertThat(sees).as("bob's submission shows him colleagues' work").containsExactly(false, true);
            assertThat(heard).anyMatch(c -> "bob".equals(c.reviewer()));
            actor.runAs("bob", Role.REVIEWER, () -> assessments.assess(alices, Verdict.AGREE, "Seen it too"));
            assertThat(heard).anyMatch(c -> c.concerns(alices) && c.actor().equals("bob"));
            actor.runAs("sam", Role.SUPERVISOR, () -> reviews.reopen(source, "bob", "Look again"));
            assertThat(sees).as("reopened, bob is held to blind mode again").containsExactly(false, true, false);
        } finally {
            handle.close();
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
