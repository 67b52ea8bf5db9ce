package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.Roles;
import org.corroborate.base.CodePoints;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inter-annotator agreement within one project, for a source, some sources, or the project's whole
 * corpus, by every measure there is: the {@link AgreementMeasure} beans, in their declared order.
 * Figures never mix projects: the sources must be the project's (404 otherwise, as for a source that
 * does not exist), and the reviewers are those who annotated them. Only the project's supervisors
 * and administrators read them (404 for a non-member, 403 for a reviewer).
 */
@Service
@Transactional(readOnly = true)
public class AgreementService {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final SchemeService schemes;
    private final List<AgreementMeasure> measures;
    private final AdjudicationService adjudication;
    private final ProjectService projects;

    AgreementService(SourceService sources, AnnotationService annotations, SchemeService schemes,
                     List<AgreementMeasure> measures, AdjudicationService adjudication, ProjectService projects) {
        this.projects = projects;
        this.adjudication = adjudication;
        this.sources = sources;
        this.annotations = annotations;
        this.schemes = schemes;
        this.measures = measures;
    }

    /** What every measure is and supports, in order: for the dashboard and {@code GET /api/agreement/measures}. */
    public List<MeasureDefinition> measures() {
        return measures.stream().map(MeasureDefinition::of).toList();
    }

    /** Each of the project's sources' overall figure by every measure that asks for a column in the per-source table. */
    @PreAuthorize(Roles.OVERSEES)
    public List<SourceAgreement> perSource(long projectId) {
        requireOverseer(projectId);
        List<SourceAgreement> rows = new ArrayList<>();
        List<AgreementMeasure> shown = measures.stream().filter(AgreementMeasure::inSourceTable).toList();
        for (SourceSummary source : sources.list(projectId)) {
            AgreementReport report = report(projectId, List.of(source.id()), shown);
            Map<String, Double> figures = new LinkedHashMap<>();
            report.measures().forEach(m -> figures.put(m.measure(), m.overall()));
            rows.add(new SourceAgreement(source.id(), source.title(), report.annotations(), figures,
                    report.incompleteShare()));
        }
        return rows;
    }

    /**
     * Where two reviewers differ: every unit of overlapping annotations in which their versions are
     * not the same span with the same label, with both versions side by side (at most {@code limit}).
     */
    @PreAuthorize(Roles.OVERSEES)
    public List<Disagreement> disagreements(long projectId, List<Long> sourceIds, String first, String second,
                                            int limit) {
        requireOverseer(projectId);
        List<Long> ids = sourceIds(projectId, sourceIds);
        List<Disagreement> found = new ArrayList<>();
        for (long id : ids) {
            SourceDetails source = sources.get(id);
            var text = new CodePoints(source.text());
            for (var unit : adjudication.units(id)) {
                var a = unit.versions().stream().filter(v -> v.author().equals(first)).toList();
                var b = unit.versions().stream().filter(v -> v.author().equals(second)).toList();
                if ((a.isEmpty() && b.isEmpty()) || same(a, b)) {
                    continue;
                }
                found.add(new Disagreement(id, source.source().title(), unit.start(), unit.end(),
                        text.substring(unit.start(), unit.end()), a, b));
                if (found.size() >= limit) {
                    return found;
                }
            }
        }
        return found;
    }

    private static boolean same(List<AnnotationDetails> a, List<AnnotationDetails> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i);
            var y = b.get(i);
            if (x.start() != y.start() || x.end() != y.end() || !x.label().equals(y.label())) {
                return false;
            }
        }
        return true;
    }

    /** Agreement over the given sources of the project, or over all of its sources when none are given. */
    @PreAuthorize(Roles.OVERSEES)
    public AgreementReport agreement(long projectId, List<Long> sourceIds) {
        requireOverseer(projectId);
        return report(projectId, sourceIds, measures);
    }

    private void requireOverseer(long projectId) {
        projects.requireOverseer(projectId, "read its agreement figures");
    }

    /** The sources asked for, each checked to be the project's; all of the project's when none are asked for. */
    private List<Long> sourceIds(long projectId, List<Long> requested) {
        if (requested == null || requested.isEmpty()) {
            return sources.list(projectId).stream().map(SourceSummary::id).sorted().toList();
        }
        List<Long> ids = requested.stream().distinct().toList();
        for (long id : ids) {
            if (sources.projectOf(id).filter(p -> p == projectId).isEmpty()) {
                throw WorkbenchException.notFound("There is no source with id " + id + " in project " + projectId + ".");
            }
        }
        return ids;
    }

    private AgreementReport report(long projectId, List<Long> sourceIds, List<AgreementMeasure> chosen) {
        List<Long> ids = sourceIds(projectId, sourceIds);
        Map<Long, Integer> lengths = new LinkedHashMap<>();
        List<ReviewerSpan> spans = new ArrayList<>();
        for (long id : ids) {
            SourceDetails source = sources.get(id);
            lengths.put(id, source.source().length());
            annotations.visible(id, null).forEach(a ->
                    spans.add(new ReviewerSpan(id, a.author(), a.label(), a.start(), a.end())));
        }
        List<String> reviewers = new ArrayList<>(new TreeSet<>(spans.stream().map(ReviewerSpan::reviewer).toList()));
        // The scheme's labels, then any the spans carry that it lacks (made under an earlier version).
        List<String> labels = new ArrayList<>(schemes.current(projectId).labels().stream()
                .map(LabelScheme.Label::name).toList());
        spans.stream().map(ReviewerSpan::label).distinct().sorted().filter(l -> !labels.contains(l)).forEach(labels::add);
        AgreementStudy study = new AgreementStudy(lengths, reviewers, labels, spans);
        return new AgreementReport(ids, reviewers, spans.size(), Labelling.incompleteShare(study),
                chosen.stream().map(m -> m.measure(study)).toList());
    }
}
