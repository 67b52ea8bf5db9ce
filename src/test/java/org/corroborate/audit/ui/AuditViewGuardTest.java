package org.corroborate.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** Issue 19, case 12 on the Audit trail page: a missing append-only guard is shown to supervisors as it opens. */
@WorkbenchTest
@WithMockUser(username = "sam", roles = "SUPERVISOR")
class AuditViewGuardTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theAuditPageWarnsWhileTheAppendOnlyGuardIsMissing() {
        navigate(AuditView.class);
        assertThat(shownWarnings()).as("no warning while the guard is in place").isEmpty();
        navigate(org.corroborate.source.ui.LibraryView.class);
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            navigate(AuditView.class);
            assertThat(shownWarnings()).singleElement().extracting(Span::getText).asString()
                    .startsWith("Warning: append-only guard missing (no trigger refuses UPDATE");
        } finally {
            jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event "
                    + "for each row call \"org.corroborate.audit.AppendOnlyTrigger\"");
        }
        navigate(org.corroborate.source.ui.LibraryView.class);
        navigate(AuditView.class);
        assertThat(shownWarnings()).isEmpty();
    }

    /** The visible warnings: the query finds only components on show. */
    private java.util.List<Span> shownWarnings() {
        return find(Span.class).withId("append-only-warning").all();
    }
}
