package org.corroborate.search;

import java.util.List;
import java.util.Set;

/**
 * What the caller may read, worked out by {@link SearchService} from project membership and
 * {@code annotation.BlindMode}, and applied by every {@link SearchEngine} inside the query (never by
 * filtering a page afterwards, so totals and facets are right).
 *
 * <p>A source's text and metadata are readable in every project listed. An annotation is readable
 * when its project is listed and either its author is {@link #user()} or its source is not among that
 * project's {@link ProjectScope#blindSources()}. The same holds for what is derived from colleagues'
 * work (verdicts, decisions, the gold layer): on a source in {@code blindSources} only the user's own
 * annotations match, and filters on verdicts, decisions or the gold layer match nothing there.
 *
 * @param user     the caller's username
 * @param projects the projects the caller is a member of (all projects for an administrator)
 */
public record SearchScope(String user, List<ProjectScope> projects) {

    public SearchScope {
        projects = List.copyOf(projects);
    }

    /**
     * @param projectId    the project
     * @param blindSources the sources of this project on which the caller may not read colleagues' work
     *                     now (blind mode, not yet submitted); empty for supervisors and where nothing is
     *                     blind
     */
    public record ProjectScope(long projectId, Set<Long> blindSources) {
        public ProjectScope {
            blindSources = Set.copyOf(blindSources);
        }
    }
}
