package org.corroborate.search;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Tests' handle on the search index's rebuilds from other packages: hold one, wait for one. */
public class SearchIndexTesting {

    private final SearchIndex index;

    public SearchIndexTesting(SearchIndex index) {
        this.index = index;
    }

    /** Rebuilds started from now on wait for {@code latch} (null: they do not wait). */
    public void holdRebuilds(CountDownLatch latch) {
        index.holdRebuilds(latch);
    }

    /** Waits for the running rebuild; true when none runs at the end. */
    public boolean awaitRebuild(Duration timeout) {
        return index.awaitRebuild(timeout);
    }
}
