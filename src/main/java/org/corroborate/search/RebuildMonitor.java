package org.corroborate.search;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;

/**
 * How far a running rebuild has come, as Hibernate Search's {@code MassIndexer} reports it: the total
 * it will index (announced per entity type when the type's indexing starts) and the documents added so
 * far. Each report calls {@code progressed} with the documents done, so {@link SearchIndex} can feed its
 * status, its metrics and the screens watching it.
 */
final class RebuildMonitor implements MassIndexingMonitor {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final LongConsumer progressed;

    RebuildMonitor(LongConsumer progressed) {
        this.progressed = progressed;
    }

    long total() {
        return total.get();
    }

    long done() {
        return done.get();
    }

    @Override
    public void addToTotalCount(long count) {
        total.addAndGet(count);
        progressed.accept(done.get());
    }

    @Override
    public void documentsAdded(long increment) {
        progressed.accept(done.addAndGet(increment));
    }

    @Override
    public void documentsBuilt(long increment) {
        // documentsAdded reports what is in the index; built but not yet added is not progress to show
    }

    @Override
    public void entitiesLoaded(long increment) {
        // as above
    }

    @Override
    public void indexingCompleted() {
        progressed.accept(done.get());
    }
}
