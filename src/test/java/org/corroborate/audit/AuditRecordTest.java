package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.ImportOutcome;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WorkbenchTest
class AuditRecordTest {

    @Autowired
    SourceService sources;

    @Autowired
    AuditService audit;

    @Test
    @WithMockUser(username = "bob", roles = "REVIEWER")
    void anImportIsRecordedOnceWithItsActorAndState() {
        ImportOutcome outcome = sources.importText("Audit me", "Text " + UUID.randomUUID(), null, null, null, null);
        var events = asSupervisor(() -> audit.historyOf("Source", String.valueOf(outcome.source().id())));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("source.imported");
            assertThat(e.getActor()).isEqualTo("bob");
            assertThat(e.getSourceId()).isEqualTo(outcome.source().id());
            assertThat(e.getBeforeState()).isNull();
            assertThat(e.getAfterState()).contains(outcome.source().sha256());
        });
    }

    @Test
    @WithMockUser(username = "bob", roles = "REVIEWER")
    void aRefusedImportLeavesNoEvent() {
        long before = asSupervisor(audit::count);
        assertThatThrownBy(() -> sources.importFile("bad.pdf", new byte[] {1})).isInstanceOf(WorkbenchException.class);
        assertThat(asSupervisor(audit::count)).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "bob", roles = "REVIEWER")
    void aReviewerCannotReadTheAuditLog() {
        assertThatThrownBy(() -> audit.latest(10)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Autowired
    org.corroborate.base.CurrentActor actor;

    private <T> T asSupervisor(java.util.function.Supplier<T> work) {
        return actor.runAs("sam", "SUPERVISOR", work);
    }
}
