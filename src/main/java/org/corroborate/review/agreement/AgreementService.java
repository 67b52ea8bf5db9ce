package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CodePoints;
import org.corroborate.claim.ClaimMembership;
import org.corroborate.claim.ClaimService;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.review.Participants;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inter-annotator agreement within one project, for a source, some sources, or the project's whole
 * corpus, by every measure there is: the {@link AgreementMeasure} beans, in their declared order.
 * Figures never mix projects: the sources must be the project's (404 otherwise, as for a source that
 * does not exist). Only the project's supervisors and administrators read them (404 for a
 * non-member, 403 for a reviewer).
 * <p>
 * Who is compared on a source, its <em>participants</em>: the reviewers assigned to it; where the
 * source has no assignment at all, those who submitted their review of it; and in either case
 * anyone who annotated it. A participant with no span on the source counts as having labelled
 * nothing there. A pair of reviewers is compared only on the sources both take part in.
 */
@Service
@Transactional(readOnly = true)
public class AgreementService {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final SchemeService schemes;
    private final List<AgreementMeasure> measures;
    private final AssignmentService assignments;
    private final ReviewStatusService statuses;
    private final ProjectService projects;
    private final ClaimService claims;

    AgreementService(SourceService sources, AnnotationService annotations, SchemeService schemes,
                     List<AgreementMeasure> measures, AssignmentService assignments, ReviewStatusService statuses,
                     ProjectService projects, ClaimService claims) {
        this.claims = claims;
        this.sources = sources;
        this.annotations = annotations;
        this.schemes = schemes;
        this.measures = measures;
        this.assignments = assignments;
        this.statuses = statuses;
        this.projects = projects;
    }

    /** What every measure is and supports, in order: for the dashboard and {@code GET /api/agreement/measures}. */
    public List<MeasureDefinition> measures() {
        return measures.stream().map(MeasureDefinition::of).toList();
    }

    /** Agreement over the given sources of the project, or over all of its sources when none are given. */
    @PreAuthorize(Roles.OVERSEES)
    public AgreementReport agreement(long projectId, List<Long> sourceIds) {
        requireOverseer(projectId);
        Corpus corpus = corpus(projectId);
        return report(corpus.study(corpus.ids(projectId, sourceIds)), measures);
    }

    /** Each of the project's sources' overall figure by every measure that asks for a column in the per-source table. */
    @PreAuthorize(Roles.OVERSEES)
    public List<SourceAgreement> perSource(long projectId) {
        requireOverseer(projectId);
        Corpus corpus = corpus(projectId);
        List<AgreementMeasure> shown = measures.stream().filter(AgreementMeasure::inSourceTable).toList();
        List<SourceAgreement> rows = new ArrayList<>();
        for (SourceSummary source : corpus.sources().values()) {
            AgreementReport report = report(corpus.study(List.of(source.id())), shown);
            Map<String, Double> figures = new LinkedHashMap<>();
            report.measures().forEach(m -> figures.put(m.measure(), m.overall()));
            rows.add(new SourceAgreement(source.id(), source.title(), report.annotations(), report.reviewers(),
                    figures, report.incompleteShare()));
        }
        return rows;
    }

    /**
     * Where the given reviewers differ (two for a pair, or more), on the given sources or the whole
     * corpus, at most {@code limit}: see {@link Disagreement}. Only the sources on which at least two
     * of them take part are looked at, and on each only those who take part are compared.
     */
    @PreAuthorize(Roles.OVERSEES)
    public List<Disagreement> disagreements(long projectId, List<Long> sourceIds, List<String> reviewers, int limit) {
        requireOverseer(projectId);
        Corpus corpus = corpus(projectId);
        AgreementStudy study = corpus.study(corpus.ids(projectId, sourceIds));
        var bySource = study.bySource();
        List<Disagreement> found = new ArrayList<>();
        for (long id : study.sourceLengths().keySet()) {
            List<String> compared = study.participantsOf(id).stream().filter(reviewers::contains).toList();
            if (compared.size() < 2) {
                continue;
            }
            List<Disagreements.Group> groups = Disagreements.of(bySource.getOrDefault(id, Map.of()), compared);
            if (groups.isEmpty()) {
                continue;
            }
            CodePoints text = new CodePoints(sources.get(id).text());
            for (Disagreements.Group g : groups) {
                Map<String, List<Disagreement.Version>> versions = new LinkedHashMap<>();
                g.spans().forEach((reviewer, spans) -> versions.put(reviewer, spans.stream()
                        .map(s -> new Disagreement.Version(s.label(), s.start(), s.end(),
                                text.substring(s.start(), s.end()))).toList()));
                found.add(new Disagreement(id, corpus.sources().get(id).title(), g.start(), g.end(),
                        text.substring(g.start(), g.end()), versions));
                if (found.size() >= limit) {
                    return found;
                }
            }
        }
        return found;
    }

    /**
     * Pairwise agreement on claim membership over the project's sources ({@link ClaimMembershipAgreement}):
     * who adds which passages of a source to which claim, with which stance. A source's participants
     * are as for every measure, and whoever added a member from it takes part in it too.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ClaimMembershipAgreement claimMembership(long projectId) {
        requireOverseer(projectId);
        List<ClaimMembership> memberships = claims.memberships(projectId);
        Map<Long, List<String>> workers = new HashMap<>();
        annotations.spansOf(projectId).forEach(a -> workers.computeIfAbsent(a.sourceId(), id -> new ArrayList<>())
                .add(a.author()));
        memberships.forEach(m -> workers.computeIfAbsent(m.source(), id -> new ArrayList<>()).add(m.addedBy()));
        Map<Long, Set<String>> assigned = assignments.assignedIn(projectId);
        Map<Long, Set<String>> submitted = statuses.submittedIn(projectId);
        Map<Long, Set<String>> participants = new HashMap<>();
        memberships.stream().map(ClaimMembership::source).distinct().forEach(id -> participants.put(id,
                Participants.of(assigned.getOrDefault(id, Set.of()), submitted.getOrDefault(id, Set.of()),
                        workers.getOrDefault(id, List.of()))));
        return ClaimMembershipAgreement.of(projectId, memberships, participants);
    }

    private void requireOverseer(long projectId) {
        projects.requireOverseer(projectId, "read its agreement figures");
    }

    private Corpus corpus(long projectId) {
        Map<Long, SourceSummary> summaries = new LinkedHashMap<>();
        sources.list(projectId).stream().sorted(java.util.Comparator.comparing(SourceSummary::id))
                .forEach(s -> summaries.put(s.id(), s));
        Map<Long, List<ReviewerSpan>> spans = new HashMap<>();
        annotations.spansOf(projectId).forEach(a -> spans.computeIfAbsent(a.sourceId(), id -> new ArrayList<>())
                .add(new ReviewerSpan(a.sourceId(), a.author(), a.label(), a.start(), a.end())));
        List<String> labels = schemes.current(projectId).labels().stream().map(LabelScheme.Label::name).toList();
        return new Corpus(summaries, spans, assignments.assignedIn(projectId), statuses.submittedIn(projectId), labels);
    }

    private static AgreementReport report(AgreementStudy study, List<AgreementMeasure> chosen) {
        return new AgreementReport(List.copyOf(study.sourceLengths().keySet()), study.reviewers(),
                study.spans().size(), Labelling.incompleteShare(study),
                chosen.stream().map(m -> m.measure(study)).toList());
    }

    /** What one project holds for agreement, read once: sources, spans, assignments and submitted reviews. */
    private record Corpus(Map<Long, SourceSummary> sources, Map<Long, List<ReviewerSpan>> spans,
                          Map<Long, Set<String>> assigned, Map<Long, Set<String>> submitted,
                          List<String> schemeLabels) {

        /** The sources asked for, each checked to be the project's; all of the project's when none are asked for. */
        List<Long> ids(long projectId, List<Long> requested) {
            if (requested == null || requested.isEmpty()) {
                return List.copyOf(sources.keySet());
            }
            List<Long> ids = requested.stream().distinct().toList();
            for (long id : ids) {
                if (!sources.containsKey(id)) {
                    throw WorkbenchException.notFound("There is no source with id " + id + " in project "
                            + projectId + ".");
                }
            }
            return ids;
        }

        /** The study of some of the sources: their spans, and who takes part in each. */
        AgreementStudy study(List<Long> ids) {
            Map<Long, Integer> lengths = new LinkedHashMap<>();
            List<ReviewerSpan> chosen = new ArrayList<>();
            Map<Long, List<String>> participants = new HashMap<>();
            Set<String> reviewers = new TreeSet<>();
            for (long id : ids) {
                lengths.put(id, sources.get(id).length());
                List<ReviewerSpan> here = spans.getOrDefault(id, List.of());
                chosen.addAll(here);
                // Assigned reviewers, or where nobody is assigned those who submitted; and whoever annotated.
                Set<String> who = Participants.of(assigned.getOrDefault(id, Set.of()),
                        submitted.getOrDefault(id, Set.of()), here.stream().map(ReviewerSpan::reviewer).toList());
                participants.put(id, List.copyOf(who));
                reviewers.addAll(who);
            }
            // The scheme's labels, then any the spans carry that it lacks (made under an earlier version).
            List<String> labels = new ArrayList<>(schemeLabels);
            chosen.stream().map(ReviewerSpan::label).distinct().sorted().filter(l -> !labels.contains(l))
                    .forEach(labels::add);
            return new AgreementStudy(lengths, List.copyOf(reviewers), labels, chosen, participants);
        }
    }
}
