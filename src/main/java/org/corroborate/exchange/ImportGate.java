package org.corroborate.exchange;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.corroborate.base.WorkbenchException;

/**
 * One corpus import at a time, whichever door it comes through (the API or the Exchange page):
 * each holds its upload and what it unpacks to in memory (bounded by
 * workbench.exchange.max-import-size and max-unpacked-size), so two at once would need twice that.
 * A second import waits for the first, then is refused with a conflict.
 */
final class ImportGate {

    /** Work done while holding the gate. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private final Semaphore running = new Semaphore(1);
    private final Duration wait;

    ImportGate(Duration wait) {
        this.wait = wait;
    }

    /** Runs the work once no other import is running; waits at most the configured time for that. */
    <T> T run(Work<T> work) throws IOException {
        if (!enter()) {
            throw WorkbenchException.conflict("Another corpus import is running; try again when it has finished.");
        }
        try {
            return work.run();
        } finally {
            running.release();
        }
    }

    private boolean enter() {
        try {
            return running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For tests: whether an import is waiting for the gate now. */
    boolean hasWaiting() {
        return running.hasQueuedThreads();
    }

    /** For tests: holds the gate as a running import would, until the returned action is run. */
    Runnable hold() {
        running.acquireUninterruptibly();
        return running::release;
    }
}
