package org.corroborate.base.startup;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupTask} in order, once the context is up, holding the {@link StartupLock}
 * for all of them: a second node starting at the same moment waits, then finds the work done and
 * skips it. Spring Boot declares the node ready (readiness probe, {@link StartupGate}) only after
 * every runner has returned and the ready-event listeners have run, so no request is served before
 * this work is complete.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupWork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWork.class);

    private final ObjectProvider<StartupTask> tasks;
    private final StartupLock lock;

    StartupWork(ObjectProvider<StartupTask> tasks, StartupLock lock) {
        this.tasks = tasks;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<StartupTask> ordered = tasks.orderedStream().toList();
        lock.holding(() -> ordered.forEach(StartupTask::run));
        log.info("Start-up work done in {} ms ({} tasks)", (System.nanoTime() - started) / 1_000_000, ordered.size());
    }
}
