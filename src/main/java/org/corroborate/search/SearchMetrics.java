package org.corroborate.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;
import org.corroborate.base.WorkbenchException;

/**
 * Times searches for {@code /actuator/prometheus}: the timer {@code workbench.search.queries} (with
 * p50/p95/p99) tagged {@code engine} ({@code lucene}, {@code postgres}), {@code kind} ({@code text},
 * {@code annotation}, {@code all}) and {@code outcome} ({@code ok}; {@code refused}: bad input or not
 * found; {@code index_building}: refused during a rebuild; {@code failed}: anything else).
 */
@org.springframework.stereotype.Component
class SearchMetrics {

    private final MeterRegistry registry;

    SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one search and records its time under the engine, the kind asked and how it ended. */
    <T> T timed(String engine, SearchKind kind, Supplier<T> search) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T result = search.get();
            outcome = "ok";
            return result;
        } catch (IndexBuildingException e) {
            outcome = "index_building";
            throw e;
        } catch (WorkbenchException e) {
            outcome = "refused";
            throw e;
        } finally {
            Timer.builder("workbench.search.queries")
                    .description("Searches of the corpus (GET /api/search, the search page, quick search)")
                    .tag("engine", engine)
                    .tag("kind", kind == null ? "all" : kind.name().toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome)
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
