package org.corroborate.exchange;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.relation.RelationService;
import org.corroborate.audit.AuditService;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Sha256;
import org.corroborate.base.WorkbenchException;
import org.corroborate.claim.ClaimService;
import org.corroborate.review.AssessmentDetails;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusDetails;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.agreement.ReviewerSpan;
import org.corroborate.review.agreement.SpanAgreementTally;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.scheme.SchemeVersionDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceDetails;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the labelled corpus in a chosen format, layer and filters, one source at a time, so
 * memory stays flat however large the corpus (the persistence context is cleared after each).
 * Every export is a zip of the format's files and a manifest. What the caller may see is what is
 * exported (blind mode applies). Every export is audited, with the manifest's hash.
 */
@Service
public class ExportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExportService.class);

    private final CorpusFormats formats;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final AssessmentService assessments;
    private final AdjudicationService adjudication;
    private final ReviewStatusService statuses;
    private final SchemeService schemes;
    private final ProjectService projects;
    private final AuditService audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final EntityManager entities;
    private final ObjectProvider<BuildProperties> build;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final MeterRegistry meters;
    private final io.micrometer.core.instrument.Counter exportedSpans;
    private final RelationService relations;
    private final ClaimService claims;
    private final JsonMapper lines;

    ExportService(CorpusFormats formats, SourceService sources, AnnotationService annotations,
                  AssessmentService assessments, AdjudicationService adjudication, ReviewStatusService statuses,
                  SchemeService schemes, AuditService audit, CurrentActor actor, Clock clock, EntityManager entities,
                  ObjectProvider<BuildProperties> build, JsonMapper json, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, ProjectService projects, MeterRegistry meters,
                  RelationService relations, ClaimService claims) {
        this.relations = relations;
        this.claims = claims;
        this.lines = json;
        this.formats = formats;
        this.sources = sources;
        this.annotations = annotations;
        this.assessments = assessments;
        this.adjudication = adjudication;
        this.statuses = statuses;
        this.schemes = schemes;
        this.projects = projects;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.entities = entities;
        this.build = build;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.events = events;
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
        this.meters = meters;
        this.exportedSpans = io.micrometer.core.instrument.Counter.builder("workbench.export.spans")
                .description("Spans written by completed exports").register(meters);
    }

    /** The formats the corpus can be exported in, by id. */
    public List<ExportFormat> formats() {
        return formats.exporting();
    }

    /** The export format with this id, or a clear refusal naming the ones there are. */
    public ExportFormat format(String id) {
        return formats.exporter(id);
    }

    /**
     * The project an export request works in: the one named, else the project of the first source
     * named, else the caller's only project (400 naming {@code project} when there are several).
     */
    @PreAuthorize("isAuthenticated()")
    public long projectOf(Long project, List<Long> sourceIds) {
        if (project == null && sourceIds != null && !sourceIds.isEmpty()) {
            return sources.summary(sourceIds.getFirst()).project();
        }
        return projects.resolve(project);
    }

    /** Checks the request's parts as given by a caller; refuses with a message naming what is wrong. */
    @PreAuthorize("isAuthenticated()")
    public ExportRequest request(long projectId, String format, String layer, List<Long> sourceIds,
                                 List<String> labels, List<String> states) {
        projects.requireReadable(projectId);
        Layer parsed = Layer.parse(layer);
        Set<String> known = schemes.labelsOfProject(projectId);
        Set<String> chosenLabels = new TreeSet<>();
        for (String label : labels == null ? List.<String>of() : labels) {
            if (!known.contains(label)) {
                throw WorkbenchException.badInput("Unknown label '" + label + "': the project's scheme and spans have "
                        + known + ".");
            }
            chosenLabels.add(label);
        }
        Set<ReviewState> chosenStates = new TreeSet<>();
        for (String state : states == null ? List.<String>of() : states) {
            try {
                chosenStates.add(ReviewState.valueOf(state.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw WorkbenchException.badInput("Unknown review status '" + state + "': use "
                        + Arrays.toString(ReviewState.values()) + ".");
            }
        }
        if (!chosenStates.isEmpty() && parsed.kind().equals("gold")) {
            throw WorkbenchException.badInput("The review status filter applies to reviewers' work; "
                    + "the gold layer is the supervisor's decisions. Choose all reviewers or one reviewer.");
        }
        List<Long> ids = sourceIds == null ? List.of() : sourceIds.stream().distinct().toList();
        // Unknown ids, and sources of other projects, are refused before anything is written.
        ids.forEach(id -> {
            if (sources.summary(id).project() != projectId) {
                throw WorkbenchException.badInput("Source " + id + " is not in project " + projectId
                        + "; an export covers one project.");
            }
        });
        return new ExportRequest(projectId, format(format), parsed, ids, chosenLabels, chosenStates);
    }

    /** Receives the export's progress, source by source. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void written(int done, int total);
    }

    /** What an export wrote: counts, the files' bytes before compression, the manifest's SHA-256 (also audited). */
    public record ExportSummary(int sources, long spans, long skipped, long bytes, String manifestSha256,
                                long adjusted, java.util.Map<String, Long> skippedByReason,
                                java.util.Map<String, Long> adjustedByReason) {}

    /**
     * Writes the export's zip to the stream, source by source, in one read-only transaction at
     * repeatable read: what others save meanwhile does not show in a later source. The export is
     * then recorded in the audit trail, with the manifest's hash, in a transaction of its own.
     */
    @PreAuthorize("isAuthenticated()")
    public ExportSummary export(ExportRequest request, OutputStream out, Progress progress) {
        Timer.Sample started = Timer.start(meters);
        Written written;
        try {
            written = reading.execute(status -> write(request, out, progress));
        } catch (WorkbenchException e) {
            failed(request, e);
            throw e;
        } catch (RuntimeException e) {
            failed(request, e);
            throw new ExportFailure("The export failed and nothing was sent: " + failure(e) + ". It is recorded "
                    + "in the audit trail as corpus.export-failed.", e);
        }
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("format", request.format().id());
        recorded.put("layer", request.layer().toString());
        recorded.put("filters", written.manifest().filters());
        recorded.put("sources", written.outcome().sources());
        recorded.put("spans", written.outcome().spans());
        recorded.put("skipped", written.outcome().skipped());
        recorded.put("adjusted", written.outcome().adjusted());
        recorded.put("manifestSha256", written.outcome().manifestSha256());
        recorded.put("auditChainHead", written.manifest().auditChainHead().seq());
        writing.executeWithoutResult(status -> events.publishEvent(
                Change.created("corpus.exported", "Export", request.format().id(), null, recorded)
                        .inProject(request.projectId())));
        started.stop(Timer.builder("workbench.export.duration").tag("format", request.format().id())
                .description("Time to write a completed export, from the first read to the audit record")
                .register(meters));
        exportedSpans.increment(written.outcome().spans());
        return written.outcome();
    }

    /**
     * Builds the whole zip into a spool before anything is sent (see {@link ExportSpool}); the caller
     * sends it, then closes it. A failure is logged, audited ({@code corpus.export-failed}) and
     * thrown here, while the response can still say so.
     */
    @PreAuthorize("isAuthenticated()")
    public Built build(ExportRequest request, Progress progress) {
        ExportSpool spool = new ExportSpool();
        try {
            return new Built(spool, export(request, spool, progress));
        } catch (RuntimeException e) {
            try {
                spool.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A built export: the zip in its spool, and what it holds. Close it once sent. */
    public record Built(ExportSpool zip, ExportSummary summary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Logs and audits an export that broke off, with the reason, so it is never invisible. */
    private void failed(ExportRequest request, RuntimeException e) {
        log.error("Export {} of layer {} in project {} failed", request.format().id(), request.layer(),
                request.projectId(), e);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("format", request.format().id());
        recorded.put("layer", request.layer().toString());
        recorded.put("sources", request.sourceIds());
        recorded.put("error", failure(e));
        try {
            writing.executeWithoutResult(status -> events.publishEvent(
                    Change.created("corpus.export-failed", "Export", request.format().id(), null, recorded)
                            .inProject(request.projectId())));
        } catch (RuntimeException auditFailure) {
            e.addSuppressed(auditFailure);
        }
    }

    /** What went wrong, in a sentence for the audit trail and the client. */
    public static String failure(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof WorkbenchException ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private record Written(ExportManifest manifest, ExportSummary outcome) {}

    private Written write(ExportRequest request, OutputStream out, Progress progress) {
        Instant at = clock.instant();
        AuditService.ChainHead head = audit.head();
        List<Long> ids = request.sourceIds().isEmpty()
                ? sources.list(request.projectId()).stream().map(SourceSummary::id).sorted().toList()
                : request.sourceIds();
        Counter counter = new Counter(request.layer().kind().equals("all"));
        List<ExportManifest.SourceEntry> entries = new ArrayList<>();
        Set<String> exportedSpans = new java.util.HashSet<>();
        try (ExportArchive archive = new ExportArchive(out, java.util.UUID.randomUUID().toString());
             ExportFormat.SourceWriter writer = request.format().open(archive)) {
            int done = 0;
            for (long id : ids) {
                SourceDetails source = sources.get(id);
                ExportedSource exported = exported(source, request);
                counter.add(exported);
                exported.spans().forEach(span -> exportedSpans.add(span.id()));
                entries.add(new ExportManifest.SourceEntry(id, source.source().title(), source.source().sha256(),
                        source.source().length(), exported.spans().size(), sources.currentVersion(id)));
                writer.write(exported);
                // Nothing is changed here: forgetting what was read keeps memory flat on a large corpus.
                entities.clear();
                progress.written(++done, ids.size());
            }
            List<ExportedClaim> claimed = claims(request, Set.copyOf(ids), exportedSpans);
            counter.claims = claimed.size();
            writer.claims(claimed);
            writer.finish();
            try (OutputStream file = new java.io.BufferedOutputStream(archive.file(ClaimsFile.NAME))) {
                ClaimsFile.write(lines, file, claimed);
            }
            archive.endFiles();
            ExportManifest manifest = manifest(request, at, head, counter, entries, archive);
            byte[] bytes = json.writeValueAsBytes(manifest);
            String manifestHash = Sha256.hex(bytes);
            archive.finish(bytes);
            long unpacked = archive.files().stream().mapToLong(ExportArchive.FileRecord::bytes).sum() + bytes.length;
            return new Written(manifest, new ExportSummary(ids.size(), counter.spans, archive.skippedCount(), unpacked,
                    manifestHash, archive.adjustedCount(), Map.copyOf(archive.skippedByReason()),
                    Map.copyOf(archive.adjustedByReason())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExportManifest manifest(ExportRequest request, Instant at, AuditService.ChainHead head, Counter counter,
                                    List<ExportManifest.SourceEntry> entries, ExportArchive archive) {
        List<SchemeVersionDetails> versions = schemes.versions(request.projectId());
        SchemeVersionDetails current = versions.getLast();
        LabelScheme scheme = current.scheme();
        ExportManifest.Project project = new ExportManifest.Project(request.projectId(),
                projects.get(request.projectId()).name());
        BuildProperties properties = build.getIfAvailable();
        ExportManifest.Agreement agreement = counter.tally == null
                ? new ExportManifest.Agreement(request.layer().toString(), null,
                        "Agreement compares reviewers; this export holds one layer.")
                : new ExportManifest.Agreement("the exported spans", counter.tally.summary(),
                        "Span F1 over exactly the spans in this export, each pair on the sources where both have "
                                + "spans here (GET /api/agreement also counts assigned or submitted reviewers who made "
                                + "none). Chance-corrected measures are on the agreement dashboard and GET /api/agreement.");
        return new ExportManifest("Corroborate", properties == null ? "development" : properties.getVersion(), at,
                actor.require(), project, request.format().id(), request.layer().toString(),
                new ExportManifest.Filters(request.sourceIds(), List.copyOf(new TreeSet<>(request.labels())),
                        request.statuses().stream().map(Enum::name).sorted().toList()),
                ExportManifest.OFFSETS, new ExportManifest.Scheme(scheme.name(), scheme.version(), current.number(),
                        versions.stream().skip(1).map(v -> "version " + v.number() + ": " + v.summary()).toList()), head,
                new ExportManifest.Counts(entries.size(), counter.spans, archive.skippedCount(),
                        archive.skippedByReason(), archive.adjustedCount(), archive.adjustedByReason(), counter.byLabel,
                        counter.byAuthor, counter.decisions, counter.relations, counter.claims),
                agreement, entries, archive.skipped(), archive.adjusted(), archive.files());
    }

    private ExportedSource exported(SourceDetails source, ExportRequest request) {
        long id = source.source().id();
        if (request.layer().kind().equals("gold")) {
            List<ExportedSpan> gold = adjudication.gold(id).stream()
                    .filter(d -> request.labels().isEmpty() || request.labels().contains(d.gold().label()))
                    .map(ExportService::gold).toList();
            return new ExportedSource(source.source(), source.text(), gold, null);
        }
        Map<String, ReviewState> states = new HashMap<>();
        // What the caller may see of the reviewers' statuses (blind mode hides colleagues' until they submit).
        List<ReviewStatusDetails> held = statuses.statusesOf(id);
        held.forEach(s -> states.put(s.reviewer(), s.status()));
        List<AnnotationDetails> found = annotations.visible(id,
                request.layer().reviewer() == null ? null : Set.of(request.layer().reviewer())).stream()
                .filter(a -> request.labels().isEmpty() || request.labels().contains(a.label()))
                .filter(a -> request.statuses().isEmpty()
                        || request.statuses().contains(states.getOrDefault(a.author(), ReviewState.NOT_STARTED)))
                .toList();
        // Blind mode is the services' to apply: verdicts and decisions come as the caller may read them.
        Map<Long, List<AssessmentDetails>> verdicts = assessments.bySource(id);
        List<ExportedSpan> spans = found.stream().map(a -> {
            List<AssessmentDetails> on = verdicts.getOrDefault(a.id(), List.of());
            Map<String, String> byName = new TreeMap<>();
            on.forEach(v -> byName.put(v.reviewer(), v.verdict().name()));
            return new ExportedSpan("a" + a.id(), a.start(), a.end(), a.label(), a.text(), a.author(), a.createdAt(),
                    a.modifiedAt(), a.attributes(), a.note(), byName, null, a.imported(), a.schemeVersion(),
                    on.stream().map(v -> new ExportedVerdict(v.reviewer(), v.verdict().name(), v.comment(),
                            v.createdAt(), v.modifiedAt(), v.imported())).toList());
        }).toList();
        List<ExportedDecision> decisions = null;
        if (request.layer().kind().equals("all")) {
            // A decision names the spans it judged in their order in the export (text order), not by database id.
            Map<Long, Integer> position = new HashMap<>();
            for (int i = 0; i < found.size(); i++) {
                position.put(found.get(i).id(), i);
            }
            decisions = adjudication.decisions(id).stream()
                    .filter(d -> position.keySet().containsAll(d.basedOn()))
                    .map(d -> decision(d, position)).toList();
        }
        String only = request.layer().reviewer();
        List<ExportedStatus> statusList = held.stream()
                .filter(st -> st.status() != ReviewState.NOT_STARTED && (only == null || st.reviewer().equals(only)))
                .filter(st -> request.statuses().isEmpty() || request.statuses().contains(st.status()))
                .map(st -> new ExportedStatus(st.reviewer(), st.status().name(), st.changedAt())).toList();
        Set<Long> exportedIds = new java.util.HashSet<>();
        found.forEach(a -> exportedIds.add(a.id()));
        // Relations whose two ends are exported, as the caller may see them (blind mode is the service's).
        List<ExportedRelation> links = relations.visible(id).stream()
                .filter(r -> exportedIds.contains(r.from()) && exportedIds.contains(r.to()))
                .map(r -> new ExportedRelation("r" + r.id(), "a" + r.from(), "a" + r.to(), r.type(), r.author(),
                        r.createdAt())).toList();
        return new ExportedSource(source.source(), source.text(), spans, decisions, statusList, links);
    }

    /**
     * The claims an export carries: every claim of the project the caller may read (for the gold
     * layer, {@link ClaimService#gold}: its accepted members only); see {@link ClaimsFile#exported}.
     */
    private List<ExportedClaim> claims(ExportRequest request, Set<Long> sourceIds, Set<String> exportedSpans) {
        boolean gold = request.layer().kind().equals("gold");
        Map<Long, String> hashes = new HashMap<>();
        return ClaimsFile.exported(gold ? claims.gold(request.projectId()) : claims.all(request.projectId()),
                gold ? m -> sourceIds.contains(m.source()) : m -> exportedSpans.contains("a" + m.annotation()),
                source -> hashes.computeIfAbsent(source, s -> sources.summary(s).sha256()),
                request.format()::fileOf);
    }

    private static ExportedSpan gold(DecisionDetails d) {
        return new ExportedSpan("g" + d.id(), d.gold().start(), d.gold().end(), d.gold().label(), d.gold().text(),
                d.decidedBy(), d.decidedAt(), d.decidedAt(), d.gold().attributes(), d.gold().note(), Map.of(),
                new ExportedSpan.Gold(d.id(), d.decidedBy(), d.decidedAt(), d.reason(),
                        d.basedOn().stream().sorted().toList()), d.imported());
    }

    private static ExportedDecision decision(DecisionDetails d, Map<Long, Integer> position) {
        var gold = d.gold();
        return new ExportedDecision("d" + d.id(), d.outcome().name(), gold == null ? null : gold.start(),
                gold == null ? null : gold.end(), gold == null ? null : gold.label(), gold == null ? null : gold.text(),
                gold == null ? null : gold.attributes(), gold == null ? null : gold.note(),
                d.basedOn().stream().sorted(Comparator.comparing(position::get)).map(a -> "a" + a).toList(),
                d.reason(), d.decidedBy(), d.decidedAt(), d.imported());
    }

    /** Counts for the manifest, and the agreement tally when the layer holds every reviewer. */
    private static final class Counter {
        long spans;
        long decisions;
        long relations;
        long claims;
        final Map<String, Long> byLabel = new TreeMap<>();
        final Map<String, Long> byAuthor = new TreeMap<>();
        final SpanAgreementTally tally;

        Counter(boolean everyReviewer) {
            this.tally = everyReviewer ? new SpanAgreementTally() : null;
        }

        void add(ExportedSource source) {
            spans += source.spans().size();
            decisions += source.decisions() == null ? 0 : source.decisions().size();
            relations += source.relations().size();
            for (ExportedSpan span : source.spans()) {
                byLabel.merge(span.label(), 1L, Long::sum);
                byAuthor.merge(span.author(), 1L, Long::sum);
            }
            if (tally != null) {
                tally.add(source.spans().stream().map(span -> new ReviewerSpan(source.source().id(), span.author(),
                        span.label(), span.start(), span.end())).toList());
            }
        }
    }
}
