package org.corroborate.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.Change;
import org.corroborate.base.WorkbenchException;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the labelled corpus in a chosen format and layer, one source at a time, so memory stays
 * flat however large the corpus. What the caller may see is what is exported (blind mode applies).
 * Every export is audited.
 */
@Service
public class ExportService {

    private final Map<String, ExportFormat> formats;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final AssessmentService assessments;
    private final AdjudicationService adjudication;
    private final ApplicationEventPublisher events;

    ExportService(List<ExportFormat> formats, SourceService sources, AnnotationService annotations,
                  AssessmentService assessments, AdjudicationService adjudication, ApplicationEventPublisher events) {
        this.formats = new java.util.TreeMap<>();
        formats.forEach(f -> this.formats.put(f.id(), f));
        this.sources = sources;
        this.annotations = annotations;
        this.assessments = assessments;
        this.adjudication = adjudication;
        this.events = events;
    }

    /** The format with this id, or a clear refusal naming the ones there are. */
    public ExportFormat format(String id) {
        ExportFormat format = formats.get(id == null ? "" : id.strip().toLowerCase());
        if (format == null) {
            throw WorkbenchException.badInput("Unknown format '" + id + "': use one of " + formats.keySet() + ".");
        }
        return format;
    }

    /** Writes the export to the stream, source by source, in one consistent read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void export(ExportFormat format, Layer layer, List<Long> sourceIds, OutputStream out) {
        List<Long> ids = sourceIds == null || sourceIds.isEmpty()
                ? sources.list().stream().map(SourceSummary::id).sorted().toList() : sourceIds;
        ids.forEach(sources::summary); // unknown ids are refused before anything is written
        long spans = 0;
        try {
            ExportFormat.SourceWriter writer = format.open(out);
            for (long id : ids) {
                SourceDetails source = sources.get(id);
                List<ExportedSpan> layerSpans = spans(id, layer);
                spans += layerSpans.size();
                writer.write(new ExportedSource(source.source(), source.text(), layerSpans));
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(Change.created("corpus.exported", "Export", format.id(), null,
                Map.of("format", format.id(), "layer", layer.toString(), "sources", ids.size(), "spans", spans)));
    }

    private List<ExportedSpan> spans(long sourceId, Layer layer) {
        if (layer.kind().equals("gold")) {
            return adjudication.gold(sourceId).stream().map(ExportService::gold).toList();
        }
        List<AnnotationDetails> found = annotations.visible(sourceId,
                layer.reviewer() == null ? null : Set.of(layer.reviewer()));
        // In blind mode a reviewer who has not submitted sees neither colleagues' spans nor their verdicts.
        Map<Long, Map<String, String>> verdicts = annotations.seesColleagues(sourceId)
                ? assessments.verdictsBySource(sourceId) : Map.of();
        return found.stream().map(a -> new ExportedSpan("a" + a.id(), a.start(), a.end(), a.label(), a.text(),
                a.author(), a.createdAt(), a.modifiedAt(), a.attributes(), a.note(),
                verdicts.getOrDefault(a.id(), Map.of()), null)).toList();
    }

    private static ExportedSpan gold(DecisionDetails d) {
        return new ExportedSpan("g" + d.id(), d.gold().start(), d.gold().end(), d.gold().label(), d.gold().text(),
                d.decidedBy(), d.decidedAt(), d.decidedAt(), d.gold().attributes(), d.gold().note(), Map.of(),
                new ExportedSpan.Gold(d.id(), d.decidedBy(), d.decidedAt(), d.reason(),
                        d.basedOn().stream().sorted().toList()));
    }
}
