package org.corroborate.source.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.stereotype.Component;

/**
 * The order a person works through sources in, for the workspace's previous and next buttons: the
 * library's listing as they last left it (its filters and sort), kept for the browser session. A
 * source opened from elsewhere (a link) goes through the library's listing with the filters that
 * keep it (a reviewer's "Assigned to me"), else through the whole library.
 */
@Component
public class WorkQueue {

    private static final String ATTRIBUTE = WorkQueue.class.getName();

    private final SourceService sources;
    private final List<LibraryExtension> extensions;

    WorkQueue(SourceService sources, List<LibraryExtension> extensions) {
        this.sources = sources;
        this.extensions = extensions;
    }

    /** The library's listing as the person leaves it: its sources in order, and what it shows ("Assigned to me"). */
    record Listed(long projectId, List<Long> ids, String name) {}

    /**
     * A source's place in the queue: the sources before and after it (null at the ends), its
     * position (from 1) among {@code size}, and the queue's name ("Library", "Assigned to me").
     */
    public record Place(Long previous, Long next, int position, int size, String name) {}

    /** The library calls this whenever its listing changes. */
    void follow(long projectId, List<Long> ids, String name) {
        session().ifPresent(s -> s.setAttribute(ATTRIBUTE, new Listed(projectId, List.copyOf(ids), name)));
    }

    /** Where a source of a project stands in the person's queue. */
    public Place around(long projectId, long sourceId) {
        Listed listed = session().map(s -> (Listed) s.getAttribute(ATTRIBUTE)).orElse(null);
        if (listed == null || listed.projectId() != projectId || !listed.ids().contains(sourceId)) {
            listed = fromLibrary(projectId, sourceId);
        }
        List<Long> ids = listed.ids();
        int at = ids.indexOf(sourceId);
        if (at < 0) {
            return new Place(null, null, 0, ids.size(), listed.name());
        }
        return new Place(at > 0 ? ids.get(at - 1) : null, at + 1 < ids.size() ? ids.get(at + 1) : null,
                at + 1, ids.size(), listed.name());
    }

    /** The library's default listing, narrowed by the extensions' filters that keep this source. */
    private Listed fromLibrary(long projectId, long sourceId) {
        List<SourceSummary> all = sources.list(projectId);
        Optional<SourceSummary> current = all.stream().filter(s -> s.id() == sourceId).findFirst();
        for (LibraryExtension extension : extensions) {
            var filter = extension.listing(projectId, all).map(LibraryExtension.Listing::filter).orElse(null);
            if (filter != null && current.isPresent() && filter.keeps().test(current.get())) {
                return new Listed(projectId, all.stream().filter(filter.keeps()).map(SourceSummary::id).toList(),
                        filter.label());
            }
        }
        return new Listed(projectId, all.stream().map(SourceSummary::id).toList(), "Library");
    }

    private static Optional<VaadinSession> session() {
        return Optional.ofNullable(VaadinSession.getCurrent());
    }
}
