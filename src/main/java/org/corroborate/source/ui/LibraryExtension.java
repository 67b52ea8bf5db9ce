package org.corroborate.source.ui;

import com.vaadin.flow.component.Component;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.corroborate.source.SourceSummary;

/**
 * What another feature adds to the library for the person looking at it (the review feature: their
 * own review status per source and an "Assigned to me" filter), so that source does not depend on
 * that feature. Implementations are Spring beans.
 */
public interface LibraryExtension {

    /**
     * What this extension shows in one listing of a project's library for the signed-in person, read
     * once per listing (so it may read everything it needs at once); empty when it has nothing for them.
     *
     * @param sources the sources listed
     */
    Optional<Listing> listing(long projectId, Collection<SourceSummary> sources);

    /**
     * @param header the header of the extension's column
     * @param cell the column's cell for one source
     * @param filter a filter the person may switch on, or null
     */
    record Listing(String header, Function<SourceSummary, Component> cell, Filter filter) {}

    /**
     * @param id the checkbox's element id, for tests and links
     * @param label what the checkbox says ("Assigned to me")
     * @param keeps which sources stay listed while it is on
     */
    record Filter(String id, String label, Predicate<SourceSummary> keeps) {}
}
