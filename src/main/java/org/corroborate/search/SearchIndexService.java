package org.corroborate.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.corroborate.base.Change;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door to the search index's state and its rebuild: anyone signed in may read the state (the
 * search page shows a rebuild's progress); only administrators may ask for a rebuild, which is audited
 * as {@code search.reindexed}.
 */
@Service
public class SearchIndexService {

    private final SearchIndex index;
    private final ApplicationEventPublisher events;

    SearchIndexService(SearchIndex index, ApplicationEventPublisher events) {
        this.index = index;
        this.events = events;
    }

    /** The index's state on this node. */
    @PreAuthorize("isAuthenticated()")
    public SearchIndexStatus status() {
        return SearchIndexStatus.of(index);
    }

    /**
     * Calls {@code watcher} with the state on every step of a rebuild (from the rebuild's threads: a
     * screen hands it to its UI thread with {@code UI.access}) until the returned action is run.
     */
    @PreAuthorize("isAuthenticated()")
    public Runnable watch(java.util.function.Consumer<SearchIndexStatus> watcher) {
        return index.watch(status -> watcher.accept(SearchIndexStatus.of(index)));
    }

    /**
     * Starts a full rebuild of the Lucene index in the background and returns at once; searches answer
     * 503 {@code index_building} until it is done ({@link #status()} shows the progress).
     *
     * @throws WorkbenchException CONFLICT (409) when a rebuild is already running, or when this node
     *                            searches with PostgreSQL (its full-text indexes are kept by every write;
     *                            there is nothing to rebuild)
     */
    @PreAuthorize(Roles.ADMINISTERS)
    @Transactional
    public SearchIndexStatus reindex() {
        if (!index.active()) {
            throw WorkbenchException.conflict("This node searches with PostgreSQL full-text search, whose indexes "
                    + "every write keeps current: there is no search index to rebuild.");
        }
        SearchIndexStatus before = SearchIndexStatus.of(index);
        if (index.start() == null) {
            throw WorkbenchException.conflict("The search index is already being rebuilt ("
                    + index.status().done() + " of " + index.status().total() + " documents).");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("engine", before.engine());
        after.put("documentsBefore", before.documents());
        events.publishEvent(Change.created("search.reindexed", "SearchIndex", before.engine(), null, after));
        return SearchIndexStatus.of(index);
    }
}
