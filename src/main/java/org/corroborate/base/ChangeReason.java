package org.corroborate.base;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reason a person gave for the change the current transaction writes, so that the entity
 * history (Envers revisions, written when the transaction commits) records it beside the actor.
 */
public final class ChangeReason {

    private static final Object KEY = ChangeReason.class;
    /** The most a reason may hold: the size of the reason columns (audit, history, decisions). */
    public static final int MAX_LENGTH = 2000;

    private ChangeReason() {}

    /**
     * Attaches a reason to the current transaction; blank reasons are ignored. A reason holding
     * control characters or lone surrogates, or longer than {@link #MAX_LENGTH}, is refused here,
     * before anything is written.
     */
    public static void record(String reason) {
        TextRules.check("reason", reason);
        if (reason != null && reason.strip().length() > MAX_LENGTH) {
            throw WorkbenchException.badInput("'reason' is longer than " + MAX_LENGTH + " characters.");
        }
        if (reason == null || reason.isBlank() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            TransactionSynchronizationManager.unbindResource(KEY);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(KEY, reason.strip());
    }

    /** The reason attached to the current transaction, or null. */
    public static String current() {
        return (String) TransactionSynchronizationManager.getResource(KEY);
    }
}
