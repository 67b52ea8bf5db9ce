package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Inter-annotator agreement for a source, some sources, or the corpus, by every measure there is. */
@Service
@Transactional(readOnly = true)
public class AgreementService {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final SchemeService schemes;
    private final List<AgreementMeasure> measures;

    AgreementService(SourceService sources, AnnotationService annotations, SchemeService schemes,
                     List<AgreementMeasure> measures) {
        this.sources = sources;
        this.annotations = annotations;
        this.schemes = schemes;
        this.measures = measures;
    }

    /** Agreement over the given sources, or over the whole corpus when none are given. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public AgreementReport agreement(List<Long> sourceIds) {
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
        List<String> labels = schemes.current().labels().stream().map(LabelScheme.Label::name).toList();
        AgreementStudy study = new AgreementStudy(lengths, reviewers, labels, spans);
        return new AgreementReport(ids, reviewers, spans.size(), Labelling.incompleteShare(study),
                measures.stream().map(m -> m.measure(study)).toList());
    }
}
