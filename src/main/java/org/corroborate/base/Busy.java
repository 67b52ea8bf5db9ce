package org.corroborate.base;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Recognises a write that failed only because the database was busy: a lock it waited for too long
 * (H2's lock timeout, PostgreSQL's {@code lock_timeout}), a deadlock the database broke by failing
 * this transaction, or a serialization failure. Nothing was changed, and the same request sent
 * again a moment later normally succeeds: the API answers 503 {@code busy} with
 * {@code Retry-After}, the UI says "try again", and neither logs it as an error of ours.
 */
public final class Busy {

    /** Seconds a client is asked to wait before it sends the request again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** What the caller is told, on the API and in the UI. */
    public static final String MESSAGE = "The workbench is busy right now (another change held what this one "
            + "needed for too long). Nothing was changed; try again in a moment.";

    private Busy() {}

    /** Whether {@code thrown}, or anything it wraps, is a lock timeout, deadlock or serialization failure. */
    public static boolean isBusy(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException || cause instanceof QueryTimeoutException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && busyState(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQL states 40001 (serialization failure), 40P01 (deadlock), 55P03 (lock not
     * available), 57014 (statement timeout); H2's error codes 50200 (lock timeout) and 40001 (deadlock).
     */
    private static boolean busyState(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state) || "57014".equals(state)
                || e.getErrorCode() == 50200 || e.getErrorCode() == 40001;
    }
}
