package org.corroborate.review.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusDetails;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.project.ProjectService;
import org.corroborate.base.Role;
import java.util.EnumSet;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reviews what: supervisors assign reviewers to sources, by hand or a number per source spread
 * evenly, and watch progress per source and per reviewer. Every change is audited.
 */
@Service
@Transactional
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final SourceService sources;
    private final ProjectService projects;
    private final ReviewStatusService statuses;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentService(AssignmentRepository assignments, SourceService sources, ProjectService projects,
                      ReviewStatusService statuses, CurrentActor actor, ApplicationEventPublisher events, Clock clock) {
        this.assignments = assignments;
        this.sources = sources;
        this.projects = projects;
        this.statuses = statuses;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** Sets exactly these reviewers on a source. */
    @PreAuthorize(Roles.SUPERVISES)
    public Set<String> assign(long sourceId, Set<String> reviewers) {
        long projectId = sources.summary(sourceId).project();
        projects.require(projectId, EnumSet.of(Role.SUPERVISOR), "assign reviewers");
        Set<String> known = new TreeSet<>(projects.membersWith(projectId, Role.REVIEWER));
        Set<String> wanted = new TreeSet<>(reviewers == null ? Set.of() : reviewers);
        wanted.stream().filter(r -> !known.contains(r)).findFirst().ifPresent(r -> {
            throw WorkbenchException.badInput("'" + r + "' is not an enabled reviewer of this project.");
        });
        List<Assignment> current = assignments.findBySourceIdOrderByReviewer(sourceId);
        Set<String> before = new TreeSet<>(current.stream().map(Assignment::getReviewer).toList());
        if (before.equals(wanted)) {
            return before;
        }
        current.stream().filter(a -> !wanted.contains(a.getReviewer())).forEach(assignments::delete);
        String me = actor.require();
        wanted.stream().filter(r -> !before.contains(r))
                .forEach(r -> assignments.save(new Assignment(sourceId, r, me, clock.instant())));
        assignments.flush();
        events.publishEvent(Change.updated("assignment.changed", "Source", sourceId, sourceId,
                Map.of("reviewers", before), Map.of("reviewers", wanted), null));
        return wanted;
    }

    /**
     * Gives every source of the project {@code perSource} of its reviewers, keeping assignments made
     * and spreading the rest evenly.
     */
    @PreAuthorize(Roles.SUPERVISES)
    public void assignEvenly(long projectId, int perSource) {
        projects.require(projectId, EnumSet.of(Role.SUPERVISOR), "assign reviewers");
        List<String> reviewers = projects.membersWith(projectId, Role.REVIEWER);
        if (perSource < 1 || perSource > reviewers.size()) {
            throw WorkbenchException.badInput("Reviewers per source must be between 1 and " + reviewers.size()
                    + " (the project's enabled reviewers).");
        }
        Map<String, Integer> load = new TreeMap<>();
        reviewers.forEach(r -> load.put(r, 0));
        Map<Long, Set<String>> current = current();
        current.values().forEach(set -> set.forEach(r -> load.computeIfPresent(r, (k, v) -> v + 1)));
        for (SourceSummary source : sources.list(projectId).stream().sorted(Comparator.comparing(SourceSummary::id))
                .toList()) {
            Set<String> have = new TreeSet<>(current.getOrDefault(source.id(), Set.of()));
            while (have.size() < perSource) {
                String next = load.entrySet().stream().filter(e -> !have.contains(e.getKey()))
                        .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow().getKey();
                have.add(next);
                load.merge(next, 1, Integer::sum);
            }
            assign(source.id(), have);
        }
    }

    /** Every source of the project with its reviewers (assigned, or who started anyway) and their status. */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public List<SourceProgress> progress(long projectId) {
        projects.requireOverseer(projectId, "read its progress");
        Map<Long, Set<String>> assigned = current();
        List<SourceProgress> rows = new ArrayList<>();
        for (SourceSummary source : sources.list(projectId)) {
            Map<String, ReviewState> states = new LinkedHashMap<>();
            assigned.getOrDefault(source.id(), Set.of()).forEach(r -> states.put(r, ReviewState.NOT_STARTED));
            for (ReviewStatusDetails status : statuses.statusesOf(source.id())) {
                states.put(status.reviewer(), status.status());
            }
            rows.add(new SourceProgress(source.id(), source.title(), new TreeMap<>(states)));
        }
        return rows;
    }

    /**
     * The reviewers assigned to each of a project's sources, by source id (sources without an
     * assignment are absent), in one query. For the project's overseers (404 for a non-member, 403
     * for a reviewer).
     */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> assignedIn(long projectId) {
        projects.requireOverseer(projectId, "read its assignments");
        Map<Long, Set<String>> assigned = new TreeMap<>();
        for (Object[] row : assignments.assignedIn(projectId)) {
            assigned.computeIfAbsent(((Number) row[0]).longValue(), id -> new TreeSet<>()).add((String) row[1]);
        }
        return assigned;
    }

    /** Each of the project's reviewers' workload and progress. */
    @PreAuthorize(Roles.OVERSEES)
    @Transactional(readOnly = true)
    public List<ReviewerProgress> byReviewer(long projectId) {
        Map<String, int[]> counts = new TreeMap<>();
        projects.membersWith(projectId, Role.REVIEWER).forEach(r -> counts.put(r, new int[4]));
        for (SourceProgress source : progress(projectId)) {
            source.reviewers().forEach((reviewer, state) -> {
                int[] c = counts.computeIfAbsent(reviewer, r -> new int[4]);
                c[0]++;
                c[1 + state.ordinal()]++;
            });
        }
        List<ReviewerProgress> rows = new ArrayList<>();
        counts.forEach((r, c) -> rows.add(new ReviewerProgress(r, c[0], c[1], c[2], c[3])));
        return rows;
    }

    /** The ids of the sources assigned to the signed-in person among these (the library's "Assigned to me"). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<Long> assignedToMe(java.util.Collection<Long> sourceIds) {
        Set<Long> wanted = Set.copyOf(sourceIds);
        Set<Long> mine = new TreeSet<>();
        assignments.findByReviewer(actor.require()).stream().map(Assignment::getSourceId)
                .filter(wanted::contains).forEach(mine::add);
        return mine;
    }

    /** The reviewers assigned to a source, by name; 404 for a source outside the caller's projects. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<String> reviewersOf(long sourceId) {
        sources.summary(sourceId);
        Set<String> reviewers = new TreeSet<>();
        assignments.findBySourceIdOrderByReviewer(sourceId).forEach(a -> reviewers.add(a.getReviewer()));
        return reviewers;
    }

    private Map<Long, Set<String>> current() {
        Map<Long, Set<String>> current = new TreeMap<>();
        assignments.findAllByOrderBySourceIdAscReviewerAsc().forEach(a ->
                current.computeIfAbsent(a.getSourceId(), id -> new TreeSet<>()).add(a.getReviewer()));
        return current;
    }
}
