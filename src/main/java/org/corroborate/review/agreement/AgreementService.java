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
 * Inter-annotator agreement for a source, some sources, or the corpus, by every measure there is:
 * the {@link AgreementMeasure} beans, in their declared order.
 */
@Service
@Transactional(readOnly = true)
public class AgreementService {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final SchemeService schemes;
    private final List<AgreementMeasure> measures;
    private final AdjudicationService adjudication;

    AgreementService(SourceService sources, AnnotationService annotations, SchemeService schemes,
                     List<AgreementMeasure> measures, AdjudicationService adjudication) {
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

    /** Each source's overall figure by every measure that asks for a column in the per-source table. */
    @PreAuthorize(Roles.OVERSEES)
    public List<SourceAgreement> perSource() {
        List<SourceAgreement> rows = new ArrayList<>();
        List<AgreementMeasure> shown = measures.stream().filter(AgreementMeasure::inSourceTable).toList();
        for (SourceSummary source : sources.list()) {
            AgreementReport report = report(List.of(source.id()), shown);
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
    public List<Disagreement> disagreements(List<Long> sourceIds, String first, String second, int limit) {
        List<Long> ids = sourceIds == null || sourceIds.isEmpty()
                ? sources.list().stream().map(SourceSummary::id).sorted().toList() : sourceIds;
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

    /** Agreement over the given sources, or over the whole corpus when none are given. */
    @PreAuthorize(Roles.OVERSEES)
    public AgreementReport agreement(List<Long> sourceIds) {
        return report(sourceIds, measures);
    }

    private AgreementReport report(List<Long> sourceIds, List<AgreementMeasure> chosen) {
        List<Long> ids = sourceIds == null || sourceIds.isEmpty()
                ? sources.list().stream().map(SourceSummary::id).sorted().toList()
                : sourceIds.stream().distinct().toList();
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
        List<String> labels = new ArrayList<>(ids.isEmpty() ? List.of()
                : schemes.current(sources.summary(ids.getFirst()).project()).labels().stream()
                        .map(LabelScheme.Label::name).toList());
        spans.stream().map(ReviewerSpan::label).distinct().sorted().filter(l -> !labels.contains(l)).forEach(labels::add);
        AgreementStudy study = new AgreementStudy(lengths, reviewers, labels, spans);
        return new AgreementReport(ids, reviewers, spans.size(), Labelling.incompleteShare(study),
                chosen.stream().map(m -> m.measure(study)).toList());
    }
}
