package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.corroborate.base.Busy;
import org.corroborate.base.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** What a person reads when a UI action fails, by what failed. */
class SessionErrorHandlerTest {

    @Test
    void aRefusalByMethodSecuritySaysThePersonMayNot() {
        assertThat(SessionErrorHandler.messageFor(new AuthorizationDeniedException("Access Denied")))
                .isEqualTo(SessionErrorHandler.DENIED).startsWith("You may not");
        assertThat(SessionErrorHandler.messageFor(new AccessDeniedException(null))).isEqualTo(SessionErrorHandler.DENIED);
    }

    @Test
    void aRefusalWithItsOwnReasonKeepsIt() {
        assertThat(SessionErrorHandler.messageFor(new AccessDeniedException(
                "Only the author or a supervisor may change this annotation.")))
                .isEqualTo("Only the author or a supervisor may change this annotation.");
    }

    @Test
    void aWorkbenchExceptionShowsItsMessageEvenWhenWrapped() {
        WorkbenchException refused = WorkbenchException.badInput("Say why you change alice's annotation.");
        assertThat(SessionErrorHandler.messageFor(refused)).isEqualTo("Say why you change alice's annotation.");
        assertThat(SessionErrorHandler.messageFor(new IllegalStateException("listener failed", refused)))
                .isEqualTo("Say why you change alice's annotation.");
    }

    @Test
    void anOptimisticLockConflictSaysSomeoneElseChangedItAndToReload() {
        assertThat(SessionErrorHandler.messageFor(new ObjectOptimisticLockingFailureException("Source", 1L)))
                .isEqualTo(SessionErrorHandler.CONFLICT).contains("Someone else changed this").contains("Reload");
        assertThat(SessionErrorHandler.messageFor(new OptimisticLockException("stale")))
                .isEqualTo(SessionErrorHandler.CONFLICT);
    }

    @Test
    void aLockTimeoutOrDeadlockSaysTheWorkbenchIsBusyAndToTryAgain() {
        assertThat(SessionErrorHandler.messageFor(new CannotAcquireLockException("Timeout trying to lock table")))
                .isEqualTo(Busy.MESSAGE).contains("busy").contains("try again");
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        assertThat(SessionErrorHandler.messageFor(new IllegalStateException("commit failed", deadlock)))
                .isEqualTo(Busy.MESSAGE);
        assertThat(SessionErrorHandler.messageFor(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
                .isEqualTo(Busy.MESSAGE);
    }

    @Test
    void anythingElseGetsAGenericMessageWithAnIdAndNoInternals() {
        String message = SessionErrorHandler.messageFor(new NullPointerException("secret.internal.Field"));
        assertThat(message).startsWith("Something went wrong on our side").matches(".*error [0-9a-f]{8}\\.$")
                .doesNotContain("secret");
        assertThat(SessionErrorHandler.messageFor(new NullPointerException())).isNotEqualTo(message);
    }
}
