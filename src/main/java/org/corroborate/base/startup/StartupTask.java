package org.corroborate.base.startup;

/**
 * One piece of the work a node does once its context is up and before it serves anyone: seeding
 * schemes, the first accounts, the demo projects and corpus. {@link StartupWork} runs every task in
 * {@code @Order}, one node at a time (under {@link StartupLock}), and the node stays not ready
 * (503 {@code starting}) until all of them are done. A task must be safe to run again on a database
 * another node has already set up: it checks what is there, under the lock, before it writes.
 */
public interface StartupTask {

    /** Does this task's part; an exception stops the start. */
    void run();
}
