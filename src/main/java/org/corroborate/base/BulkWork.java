package org.corroborate.base;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Names the transactions of long jobs (a corpus import's batches), so that the audit trail appends
 * their events at their commit instead of at their first change: an ordinary write locks the audit
 * chain's head from its first audited change to its commit (which also keeps concurrent writers of
 * one source in order), but a batch of hundreds of changes must not keep everyone else waiting that
 * long. A long job begins its transactions with {@link #name} as the transaction name.
 */
public final class BulkWork {

    private static final String PREFIX = "bulk:";

    private BulkWork() {}

    /** The transaction name for a batch of the job {@code job} (say "import"). */
    public static String name(String job) {
        return PREFIX + job;
    }

    /** Whether the current transaction is a long job's. */
    public static boolean current() {
        String name = TransactionSynchronizationManager.getCurrentTransactionName();
        return name != null && name.startsWith(PREFIX);
    }
}
