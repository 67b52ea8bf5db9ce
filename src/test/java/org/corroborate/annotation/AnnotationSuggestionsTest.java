package org.corroborate.annotation;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attribute suggestions help with names that recur, without leaking colleagues' work in blind mode. */
@WorkbenchTest
class AnnotationSuggestionsTest {

    @Autowired AnnotationService annotations;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    private long source(String title) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, title, "Someone said something in " + title + ".", null, null, null, null)).source().id();
    }

    private void quote(String who, long sourceId, String speaker) {
        actor.runAs(who, Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(0, 7, "QUOTE", Map.of("speaker", speaker), null)));
    }

    @Test
    void suggestsValuesUsedAcrossTheCorpus() {
        long first = source("First");
        long second = source("Second");
        String speaker = "Rosalind Achterberg";
        quote("alice", first, speaker);
        assertThat(actor.runAs("bob", Role.REVIEWER, () -> annotations.suggestions(second, "speaker"))).contains(speaker);
    }

    @Test
    void inBlindModeSuggestsOnlyTheReviewersOwnValues() {
        long blind = source("Blind");
        actor.runAs("sam", Role.SUPERVISOR, () -> sources.setBlind(List.of(blind), true));
        String alices = "Alice's speaker in a blind source";
        String bobs = "Bob's speaker in a blind source";
        quote("alice", blind, alices);
        quote("bob", blind, bobs);
        assertThat(actor.runAs("bob", Role.REVIEWER, () -> annotations.suggestions(blind, "speaker")))
                .contains(bobs).doesNotContain(alices);
    }
}
