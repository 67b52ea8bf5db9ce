package org.corroborate.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.util.Version;
import org.corroborate.base.Sha256;
import org.hibernate.search.engine.backend.analysis.AnalysisToken;
import org.hibernate.search.engine.backend.analysis.AnalyzerDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Lucene search index's life: at start it decides whether the index in
 * {@code workbench.search.index-dir} can be used as it is ({@link IndexMarker}: written by the running
 * mapping and Lucene, and holding as many sources and annotations as the database: fewer means writes lost in a crash before the index committed) and otherwise
 * rebuilds it in the background with Hibernate Search's {@code MassIndexer}; an administrator may ask
 * for a rebuild at any time ({@link SearchIndexService#reindex}). While a rebuild runs, searches are
 * refused ({@link IndexBuildingException}, 503 {@code index_building} with {@code Retry-After}) rather
 * than answered from a half-built index: partial answers would look complete (totals, facets) and be
 * wrong. On a small database the start waits for the rebuild (below
 * {@code workbench.search.rebuild-wait-below} rows, default 20,000: a few seconds), so a small
 * workbench never refuses a search after it reported ready.
 *
 * <p>Inactive (always ready, nothing to rebuild) when Hibernate Search is switched off, i.e. when the
 * PostgreSQL engine answers searches from the database itself.
 *
 * <p>Metrics (Micrometer): {@code workbench.search.index.building} (1 while a rebuild runs),
 * {@code workbench.search.index.done} and {@code .total} (documents of the running or last rebuild),
 * {@code workbench.search.index.documents} (documents in the index, counted at start and after each
 * rebuild), and the timer {@code workbench.search.index.rebuild} (each rebuild's duration).
 *
 * <p>MassIndexer settings are chosen for a machine of 2 cores shared with the application: two loading
 * threads, batches of 250 entities, one entity type at a time (Hibernate Search reference, "Tuning the
 * mass indexer").
 */
@Component
public class SearchIndex {

    /** Text analysed with every analyzer of the mapping, so that a changed analyzer changes the mapping version. */
    private static final String ANALYSIS_PROBE = "The Ministers said: \"Testing was LATE\" — résidents' allegations, 2021";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final EntityManagerFactory entityManagerFactory;
    private final Path folder;
    private final boolean inMemory;
    private final long waitBelow;
    private final Timer rebuildTimer;
    private final List<Consumer<SearchEngine.IndexStatus>> watchers = new CopyOnWriteArrayList<>();

    private volatile boolean active;
    private volatile boolean ready = true;
    private volatile RebuildMonitor running;
    private volatile RebuildMonitor last;
    private volatile long documents;
    private volatile CompletableFuture<Void> rebuild = CompletableFuture.completedFuture(null);
    /** Tests only: a rebuild's loading threads wait for this before they start, so a running rebuild can be observed. */
    private volatile java.util.concurrent.CountDownLatch hold;

    SearchIndex(EntityManagerFactory entityManagerFactory, SearchSettings settings,
                @Value("${workbench.search.rebuild-wait-below:20000}") long waitBelow, MeterRegistry registry) {
        this.entityManagerFactory = entityManagerFactory;
        this.folder = settings.indexDir();
        this.inMemory = settings.inMemory();
        this.waitBelow = waitBelow;
        this.rebuildTimer = Timer.builder("workbench.search.index.rebuild")
                .description("Full rebuilds of the search index").register(registry);
        Gauge.builder("workbench.search.index.building", this, index -> index.running != null ? 1 : 0)
                .description("1 while the search index is being rebuilt").register(registry);
        Gauge.builder("workbench.search.index.done", this, index -> index.status().done())
                .description("Documents indexed by the running (or last) rebuild").register(registry);
        Gauge.builder("workbench.search.index.total", this, index -> index.status().total())
                .description("Documents the running (or last) rebuild indexes").register(registry);
        Gauge.builder("workbench.search.index.documents", this, index -> index.documents)
                .description("Documents in the search index, counted at start and after each rebuild")
                .register(registry);
    }

    /** Whether this node searches with Hibernate Search's Lucene backend (else there is no index to keep). */
    public boolean active() {
        return active;
    }

    /** Documents in the index, counted at start and after each rebuild. */
    public long documents() {
        return documents;
    }

    /** The index's folder ({@code workbench.search.index-dir}). */
    public Path folder() {
        return folder;
    }

    /** Ready, building, and the running rebuild's progress (done and total documents; else the last one's). */
    public SearchEngine.IndexStatus status() {
        RebuildMonitor monitor = running;
        if (monitor != null) {
            return new SearchEngine.IndexStatus(false, true, monitor.done(), monitor.total());
        }
        RebuildMonitor previous = last;
        return new SearchEngine.IndexStatus(ready, false, previous == null ? 0 : previous.done(),
                previous == null ? 0 : previous.total());
    }

    /**
     * Throws {@link IndexBuildingException} (503 {@code index_building}) unless the index is ready;
     * the search service calls it before asking the Lucene engine.
     */
    public void requireReady() {
        SearchEngine.IndexStatus status = status();
        if (!status.ready()) {
            throw new IndexBuildingException(status);
        }
    }

    /**
     * Calls {@code watcher} with the status on every step of a rebuild (from the rebuild's threads:
     * a screen must hand it to its UI thread). Returns what stops the calls.
     */
    public Runnable watch(Consumer<SearchEngine.IndexStatus> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Checks the index once the start-up work (accounts, demo corpus) is done, and rebuilds it if needed. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        org.hibernate.search.mapper.orm.mapping.SearchMapping mapping = mapping();
        active = mapping != null && !mapping.allIndexedEntities().isEmpty();
        if (!active) {
            log.info("Search index: Hibernate Search is off on this node (engine other than lucene); nothing to check");
            return;
        }
        Map<Class<?>, long[]> counts = counts(mapping);
        long rows = counts.values().stream().mapToLong(c -> c[0]).sum();
        documents = counts.values().stream().mapToLong(c -> c[1]).sum();
        String why = reasonToRebuild(mapping, counts);
        if (why == null) {
            log.info("Search index {} is current ({} documents)", onDisk() ? "in " + folder.toAbsolutePath()
                    : "in memory", documents);
            return;
        }
        log.info("Search index {} will be rebuilt: {}", onDisk() ? "in " + folder.toAbsolutePath() : "in memory",
                why);
        CompletableFuture<Void> started = start();
        if (rows <= waitBelow && started != null) {
            started.join();
        }
    }

    /**
     * Starts a full rebuild in the background, unless one is running.
     *
     * @return the rebuild's completion, or null when a rebuild was already running or the index is inactive
     */
    synchronized CompletableFuture<Void> start() {
        org.hibernate.search.mapper.orm.mapping.SearchMapping mapping = mapping();
        if (!active || mapping == null || running != null) {
            return null;
        }
        RebuildMonitor monitor = new RebuildMonitor(done -> tell());
        running = monitor;
        ready = false;
        if (onDisk()) {
            IndexMarker.delete(folder);
        }
        tell();
        long started = System.nanoTime();
        String version = mappingVersion(mapping);
        rebuild = mapping.scope(Object.class).massIndexer()
                .typesToIndexInParallel(1)
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(250)
                .idFetchSize(1000)
                .dropAndCreateSchemaOnStart(true)
                .mergeSegmentsOnFinish(true)
                .monitor(monitor)
                .environment(new MassIndexingEnvironment() {
                    @Override
                    public void beforeExecution(Context context) {
                        waitForHold();
                    }

                    @Override
                    public void afterExecution(Context context) {
                        // nothing to undo
                    }
                })
                .start()
                .toCompletableFuture()
                .handle((result, failure) -> {
                    finish(monitor, version, started, failure);
                    return null;
                });
        return rebuild;
    }

    /** Tests only: rebuilds started from now on wait until {@code latch} is counted down (null: no waiting). */
    void holdRebuilds(java.util.concurrent.CountDownLatch latch) {
        hold = latch;
    }

    private void waitForHold() {
        java.util.concurrent.CountDownLatch latch = hold;
        if (latch == null) {
            return;
        }
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the running rebuild, if any (tests, benchmarks); true when none is running at the end. */
    boolean awaitRebuild(Duration timeout) {
        try {
            rebuild.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return running == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return running == null;
        }
    }

    private synchronized void finish(RebuildMonitor monitor, String version, long started, Throwable failure) {
        long nanos = System.nanoTime() - started;
        rebuildTimer.record(nanos, TimeUnit.NANOSECONDS);
        if (failure != null) {
            log.error("Search index rebuild failed after {} of {} documents; searches stay refused until a "
                    + "rebuild succeeds (restart, or POST /api/search/reindex)", monitor.done(), monitor.total(), failure);
        } else {
            documents = monitor.done();
            if (onDisk()) {
                new IndexMarker(version, Version.LATEST.toString(), monitor.done(), Instant.now()).write(folder);
            }
            log.info("Search index rebuilt: {} documents in {} ms", monitor.done(), nanos / 1_000_000);
        }
        last = monitor;
        running = null;
        ready = failure == null;
        tell();
    }

    private void tell() {
        SearchEngine.IndexStatus status = status();
        for (Consumer<SearchEngine.IndexStatus> watcher : watchers) {
            try {
                watcher.accept(status);
            } catch (RuntimeException e) {
                log.debug("A search index watcher failed", e);
            }
        }
    }

    /** Why the index must be rebuilt, in words for the log; null when it is current. */
    private String reasonToRebuild(org.hibernate.search.mapper.orm.mapping.SearchMapping mapping,
                                   Map<Class<?>, long[]> counts) {
        for (Map.Entry<Class<?>, long[]> count : counts.entrySet()) {
            if (count.getValue()[0] > 0 && count.getValue()[1] == 0) {
                return "the index holds no " + count.getKey().getSimpleName() + " while the database holds "
                        + count.getValue()[0];
            }
            if (count.getValue()[0] != count.getValue()[1]) {
                // Lucene commits about once a second: writes acknowledged just before a crash can be in the
                // database and not in the index. The index is derived data, so it is rebuilt from the database.
                return "the index holds " + count.getValue()[1] + " " + count.getKey().getSimpleName()
                        + " documents while the database holds " + count.getValue()[0]
                        + " (a crash before the index's last commit?)";
            }
        }
        if (!onDisk()) {
            return null;
        }
        return switch (IndexMarker.check(folder, mappingVersion(mapping), Version.LATEST.toString())) {
            case CURRENT -> null;
            case MISSING -> "no marker (" + IndexMarker.FILE_NAME + "): a new index, or a rebuild that did not finish";
            case MAPPING_CHANGED -> "the search mapping changed since the index was built";
            case LUCENE_CHANGED -> "another Lucene version built the index";
        };
    }

    /** Rows in the database and documents in the index, per indexed entity type. */
    private Map<Class<?>, long[]> counts(org.hibernate.search.mapper.orm.mapping.SearchMapping mapping) {
        Map<Class<?>, long[]> counts = new TreeMap<>(Comparator.comparing(Class::getName));
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
                long rows = entityManager.createQuery("select count(e) from " + entity.jpaName() + " e", Long.class)
                        .getSingleResult();
                long indexed = Search.session(entityManager).search(entity.javaClass())
                        .where(f -> f.matchAll()).fetchTotalHitCount();
                counts.put(entity.javaClass(), new long[] {rows, indexed});
            }
        } finally {
            entityManager.close();
        }
        return counts;
    }

    /**
     * A fingerprint of what the index holds and how: every indexed type's fields (path, value type,
     * searchable, sortable, projectable, aggregable, analyzer and normalizer names), each analyzer's
     * tokens for a fixed probe text (so a changed analyzer changes it too), and {@link SearchMapping#VERSION}
     * (raised by hand when what a field holds changes without its shape, e.g. a bridge computing it anew).
     * SHA-256 hex of those lines, sorted.
     */
    static String mappingVersion(org.hibernate.search.mapper.orm.mapping.SearchMapping mapping) {
        List<String> lines = new ArrayList<>();
        for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
            IndexDescriptor descriptor = entity.indexManager().descriptor();
            for (IndexFieldDescriptor field : descriptor.staticFields()) {
                if (field.isValueField()) {
                    IndexValueFieldTypeDescriptor type = field.toValueField().type();
                    lines.add(entity.jpaName() + " field " + field.absolutePath() + " " + type.valueClass().getName()
                            + " s" + type.searchable() + " o" + type.sortable() + " p" + type.projectable()
                            + " a" + type.aggregable() + " " + type.analyzerName().orElse("-")
                            + " " + type.searchAnalyzerName().orElse("-") + " " + type.normalizerName().orElse("-"));
                } else {
                    lines.add(entity.jpaName() + " object " + field.absolutePath() + " " + field.multiValued());
                }
            }
            for (AnalyzerDescriptor analyzer : descriptor.analyzers()) {
                List<String> tokens = new ArrayList<>();
                for (AnalysisToken token : entity.indexManager().analyze(analyzer.name(), ANALYSIS_PROBE)) {
                    tokens.add(token.term() + "@" + token.startOffset() + "-" + token.endOffset());
                }
                lines.add(entity.jpaName() + " analyzer " + analyzer.name() + " " + String.join(" ", tokens));
            }
        }
        lines.sort(null);
        lines.add("revision " + SearchMapping.VERSION);
        return Sha256.hex(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the index lives in files (the marker is kept) rather than in memory ({@code local-heap}, tests). */
    private boolean onDisk() {
        return !inMemory;
    }

    private org.hibernate.search.mapper.orm.mapping.SearchMapping mapping() {
        try {
            return Search.mapping(entityManagerFactory);
        } catch (RuntimeException e) {
            // Hibernate Search is switched off (hibernate.search.enabled=false): the PostgreSQL engine searches.
            return null;
        }
    }
}
