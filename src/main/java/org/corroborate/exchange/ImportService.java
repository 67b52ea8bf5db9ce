package org.corroborate.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.relation.ImportedRelation;
import org.corroborate.annotation.relation.RelationService;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.ImportedAnnotation;
import org.corroborate.annotation.LabelledSpanRules;
import org.corroborate.base.BulkWork;
import org.corroborate.base.ByteCount;
import org.corroborate.base.Change;
import org.corroborate.base.CodePoints;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Roles;
import org.corroborate.base.Sha256;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.WorkbenchProperties;
import org.corroborate.claim.ClaimService;
import org.corroborate.review.AssessmentDetails;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.ReviewState;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.Verdict;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.ImportOutcome;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.corroborate.source.SourceText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a labelled corpus (JSON Lines, brat or W3C) into an empty or working workbench. The file
 * is read and checked whole first (a malformed file is refused with its file and line, and nothing
 * changes); then the work is committed in batches of about {@value #BATCH} items (spans, verdicts,
 * decisions, statuses, relations, claims), each batch with its audit events, so that the audit
 * chain's head is locked only for the moment of each batch's commit and other people's writes go
 * on during a long import.
 * What only storing finds (a text over the size limit, the same text imported by someone else at
 * that moment, a lock waited for too long) stops the import there: the batches before it are kept,
 * and importing the same file again, once corrected, completes it (what is already there counts as
 * unchanged). A dry run is one transaction that is rolled back. Progress goes to a {@link Progress}
 * and to the log. Sources are matched by the hash of their text. What is already there is left
 * alone; where the file and the workbench differ (another label, another verdict) the workbench's
 * is kept and the conflict reported. Authors, times and decisions are kept as the file gives
 * them; the audit trail records who imported what from where.
 */
@Service
public class ImportService {

    /** About how many items a batch commits at once. */
    static final int BATCH = 500;
    /** How many items the persistence context holds at most before it is emptied. */
    private static final int CLEARED_EVERY = 50;

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final CorpusFormats formats;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final AssessmentService assessments;
    private final AdjudicationService adjudication;
    private final ReviewStatusService statuses;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final WorkbenchProperties.Exchange limits;
    private final PlatformTransactionManager transactions;
    private final EntityManager entities;
    private final Counter spansCounted;
    private final Timer duration;
    private final ImportGate gate;
    private final SchemeService schemes;
    private final ProjectService projects;
    private final RelationService relations;
    private final ClaimService claims;
    private final JsonMapper json;

    ImportService(CorpusFormats formats, SourceService sources, AnnotationService annotations,
                  AssessmentService assessments, AdjudicationService adjudication, ReviewStatusService statuses,
                  CurrentActor actor,
                  ApplicationEventPublisher events, WorkbenchProperties properties,
                  PlatformTransactionManager transactionManager, SchemeService schemes, ProjectService projects,
                  EntityManager entities, MeterRegistry meters, RelationService relations, ClaimService claims,
                  JsonMapper json) {
        this.relations = relations;
        this.claims = claims;
        this.json = json;
        this.schemes = schemes;
        this.projects = projects;
        this.formats = formats;
        this.sources = sources;
        this.annotations = annotations;
        this.assessments = assessments;
        this.adjudication = adjudication;
        this.statuses = statuses;
        this.actor = actor;
        this.events = events;
        this.limits = properties.exchange();
        this.transactions = transactionManager;
        this.entities = entities;
        this.spansCounted = Counter.builder("workbench.import.spans")
                .description("Spans written by finished corpus imports (not dry runs; unchanged spans not counted)").register(meters);
        this.duration = Timer.builder("workbench.import.duration").description("Corpus imports, from start to end")
                .register(meters);
        this.gate = new ImportGate(limits.importWait());
    }

    /** The formats a corpus can be imported from, by id. */
    public List<ImportFormat> formats() {
        return formats.importing();
    }

    /** The gate imports pass one at a time, for tests that hold it. */
    ImportGate gate() {
        return gate;
    }

    /** The most an upload may weigh, in bytes. */
    public long maxImportBytes() {
        return limits.maxImportSize().toBytes();
    }

    /**
     * Imports the upload, all or nothing. On a dry run everything is checked and reported, and
     * then nothing is kept. One import runs at a time (see {@link ImportGate}); a second waits for
     * it up to workbench.exchange.import-wait, then is refused as a conflict.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ImportReport importCorpus(long projectId, String formatId, String fileName, byte[] content,
                                     boolean dryRun) {
        return importCorpus(projectId, formatId, fileName, content, dryRun, null);
    }

    /**
     * Imports the upload as {@link #importCorpus(long, String, String, byte[], boolean)}, with the
     * author of spans the file names no author for (plain doccano lines, brat spans without our
     * notes, W3C annotations without a creator): {@code author}, an account that annotates in the
     * project (a reviewer or supervisor there); null for the caller, if they annotate there.
     *
     * @throws WorkbenchException 400 when {@code author} does not annotate in the project, or when it
     *         is null, the file has spans without an author and the caller does not annotate there
     */
    @PreAuthorize(Roles.OVERSEES)
    public ImportReport importCorpus(long projectId, String formatId, String fileName, byte[] content,
                                     boolean dryRun, String author) {
        projects.requireOverseer(projectId, "import a corpus");
        ImportFormat format = format(formatId);
        String authorOfPlain = authorOfPlainSpans(projectId, author);
        try {
            return gate.run(() -> timed(projectId, format, fileName, content, dryRun, authorOfPlain, Progress.NONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports an upload read from a stream, as {@link #importCorpus(long, String, String, byte[], boolean)}:
     * once no other import runs, the stream is read into memory up to workbench.exchange.max-import-size
     * and refused as soon as it holds more, without reading the rest.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ImportReport importCorpus(long projectId, String formatId, String fileName, InputStream content,
                                     boolean dryRun) throws IOException {
        return importCorpus(projectId, formatId, fileName, content, dryRun, null);
    }

    /** As {@link #importCorpus(long, String, String, byte[], boolean, String)}, read from a stream. */
    @PreAuthorize(Roles.OVERSEES)
    public ImportReport importCorpus(long projectId, String formatId, String fileName, InputStream content,
                                     boolean dryRun, String author) throws IOException {
        return importCorpus(projectId, formatId, fileName, content, dryRun, author, Progress.NONE);
    }

    /**
     * As {@link #importCorpus(long, String, String, InputStream, boolean, String)}, telling
     * {@code progress} how far it got after each batch (on the importing thread).
     */
    @PreAuthorize(Roles.OVERSEES)
    public ImportReport importCorpus(long projectId, String formatId, String fileName, InputStream content,
                                     boolean dryRun, String author, Progress progress) throws IOException {
        projects.requireOverseer(projectId, "import a corpus");
        ImportFormat format = format(formatId);
        String authorOfPlain = authorOfPlainSpans(projectId, author);
        return gate.run(() -> timed(projectId, format, fileName, bounded(content), dryRun, authorOfPlain, progress));
    }

    /** Receives an import's progress: spans done (imported or found unchanged) of all the file's spans. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void spans(long done, long total);
    }

    /**
     * Who authors spans the file names no author for: the account named, which must annotate in the
     * project, or else the caller if they annotate there; null when neither (an administrator
     * outside the project): then a file with such spans is refused, asking for {@code author}.
     */
    private String authorOfPlainSpans(long projectId, String author) {
        if (author == null || author.isBlank()) {
            return projects.annotates(projectId) ? actor.require() : null;
        }
        String name = author.strip();
        Set<String> annotators = new TreeSet<>(projects.membersWith(projectId, Role.REVIEWER));
        annotators.addAll(projects.membersWith(projectId, Role.SUPERVISOR));
        if (!annotators.contains(name)) {
            throw WorkbenchException.badInput("'author' must name an account that annotates in this project (a "
                    + "reviewer or supervisor of it); '" + name + "' does not. The project's annotators are "
                    + annotators + ".");
        }
        return name;
    }

    /** The whole upload, or a refusal as soon as it is larger than an import may be. */
    private byte[] bounded(InputStream in) throws IOException {
        long max = maxImportBytes();
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (content.length > max) {
            throw tooLarge();
        }
        return content;
    }

    /** The refusal of an upload larger than an import may be, for every door an import comes through. */
    public WorkbenchException tooLarge() {
        return WorkbenchException.tooLarge("The upload is larger than this workbench imports at once ("
                + ByteCount.describe(limits.maxImportSize().toBytes()) + "); split the corpus or raise "
                + "workbench.exchange.max-import-size.");
    }

    private ImportFormat format(String formatId) {
        return formats.importer(formatId);
    }

    private ImportReport timed(long projectId, ImportFormat format, String fileName, byte[] content,
                               boolean dryRun, String authorOfPlain, Progress progress) {
        long t0 = System.nanoTime();
        try {
            return importCorpus(projectId, format, fileName, content, dryRun, authorOfPlain, progress);
        } finally {
            duration.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private ImportReport importCorpus(long projectId, ImportFormat format, String fileName, byte[] content,
                                      boolean dryRun, String authorOfPlain, Progress progress) {
        if (content == null || content.length == 0) {
            throw WorkbenchException.badInput("The upload is empty.");
        }
        if (content.length > maxImportBytes()) {
            throw tooLarge();
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        ImportFiles files = ImportFiles.of(name, content, limits.maxUnpackedSize().toBytes(), limits.maxFiles());
        List<ImportedSource> read = format.read(files);
        if (read.isEmpty()) {
            throw WorkbenchException.badInput("'" + name + "' holds no sources to import.");
        }
        List<ClaimsFile.Claim> claimLines = ClaimsFile.read(files, json);
        Run run = new Run(projectId, name, format.id(), authorOfPlain);
        run.total = read.stream().mapToLong(source -> source.spans().size()).sum();
        run.progress = progress;
        for (ImportedSource source : read) {
            run.check(source);
        }
        ClaimImport claimImport = new ClaimImport(claims, sources, annotations, projectId, authorOfPlain, run.me);
        claimImport.check(read, claimLines);
        run.batches = new Batches(dryRun);
        log.info("Import of {} ({}) into project {} begins: {} sources, {} spans{}", name, format.id(), projectId,
                read.size(), run.total, dryRun ? " (dry run)" : "");
        progress.spans(0, run.total);
        long t0 = System.nanoTime();
        try {
            for (ImportedSource source : read) {
                run.source(source);
            }
            ClaimImport.Outcome claimed = claimImport.write(claimLines, run.origin, run::file, run::wrote);
            run.conflicts.addAll(claimed.conflicts());
            ImportReport report = new ImportReport(name, format.id(), dryRun, run.sourcesImported, run.sourcesMatched,
                    run.spansImported, run.spansUnchanged, run.verdictsImported, run.decisionsImported,
                    run.statusesImported, run.blindImported, run.relationsImported, run.relationsUnchanged,
                    claimed.imported(), claimed.unchanged(), List.copyOf(run.conflicts), List.copyOf(run.ignored),
                    List.copyOf(run.incomplete));
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("file", name);
            recorded.put("format", format.id());
            recorded.put("sha256", Sha256.hex(content));
            recorded.put("sourcesImported", report.sourcesImported());
            recorded.put("sourcesMatched", report.sourcesMatched());
            recorded.put("spansImported", report.spansImported());
            recorded.put("verdictsImported", report.verdictsImported());
            recorded.put("decisionsImported", report.decisionsImported());
            recorded.put("statusesImported", report.statusesImported());
            recorded.put("blindImported", report.blindImported());
            recorded.put("relationsImported", report.relationsImported());
            recorded.put("claimsImported", report.claimsImported());
            recorded.put("conflicts", report.conflicts().size());
            events.publishEvent(Change.created("corpus.imported", "Import", format.id(), null, recorded)
                    .inProject(projectId));
            run.batches.finish();
            return finished(run, report, t0);
        } catch (RuntimeException e) {
            run.batches.abandon();
            if (dryRun || run.batches.committed == 0) {
                throw e;
            }
            log.warn("Import of {} into project {} stopped at {} of {} spans; the {} batches before were kept: "
                    + "import the corrected file again to complete it", name, projectId, run.done(), run.total,
                    run.batches.committed);
            if (e instanceof WorkbenchException refused) {
                throw new WorkbenchException(refused.kind(), refused.getMessage() + " The import stopped there; "
                        + "what it imported before was kept. Import the corrected file again to complete it (what "
                        + "is already here counts as unchanged).");
            }
            throw e;
        }
    }

    /** Counts, logs and reports an import that finished. */
    private ImportReport finished(Run run, ImportReport report, long t0) {
        if (!report.dryRun()) {
            spansCounted.increment(run.spansImported);
        }
        long millis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        log.info("Import of {} into project {} {}: {} spans ({} new, {} unchanged) in {} ms, {} spans/s, {} batches",
                run.upload, run.projectId, report.dryRun() ? "checked" : "done", run.done(), run.spansImported,
                run.spansUnchanged, millis, run.done() * 1000 / millis, run.batches.committed);
        run.progress.spans(run.done(), run.total);
        return report;
    }

    /**
     * The transactions of one import: a batch is committed once it holds about {@value #BATCH}
     * items, and the next one begins; a dry run stays in one transaction, rolled back at the end,
     * whose persistence context is emptied as a batch's is.
     */
    private final class Batches {

        private final boolean dryRun;
        private TransactionStatus open;
        private int items;
        private int sinceCleared;
        int committed;

        Batches(boolean dryRun) {
            this.dryRun = dryRun;
            begin();
        }

        private void begin() {
            DefaultTransactionDefinition batch = new DefaultTransactionDefinition();
            batch.setName(BulkWork.name("import"));
            open = transactions.getTransaction(batch);
            items = 0;
        }

        /**
         * Counts an item written; true when the batch is full and has just been closed. Every
         * {@value #CLEARED_EVERY} items the persistence context is flushed and emptied: each service
         * call flushes it, and a flush looks at every entity it holds, so a context that grew with
         * the import made the time grow with the square of its size (the import holds only values).
         */
        boolean wrote(int count) {
            items += count;
            sinceCleared += count;
            if (sinceCleared >= CLEARED_EVERY) {
                entities.flush();
                entities.clear();
                sinceCleared = 0;
            }
            if (items < BATCH) {
                return false;
            }
            if (dryRun) {
                items = 0;
            } else {
                transactions.commit(open);
                committed++;
                begin();
            }
            return true;
        }

        void finish() {
            if (dryRun) {
                transactions.rollback(open);
            } else {
                transactions.commit(open);
                committed++;
            }
            open = null;
        }

        void abandon() {
            if (open != null && !open.isCompleted()) {
                transactions.rollback(open);
            }
            open = null;
        }
    }

    /** One import's work and counts. */
    private final class Run {

        final String origin;
        final String upload;
        final String me = actor.require();
        /** The author of spans the file names none for; null: the caller may not annotate, so such spans are refused. */
        final String plainAuthor;
        int sourcesImported;
        int sourcesMatched;
        long spansImported;
        long spansUnchanged;
        long verdictsImported;
        long decisionsImported;
        long statusesImported;
        int blindImported;
        long relationsImported;
        long relationsUnchanged;
        final List<String> conflicts = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        final List<String> incomplete = new ArrayList<>();
        final long projectId;
        final LabelledSpanRules rules;
        final LabelScheme scheme;
        long total;
        Progress progress = Progress.NONE;
        Batches batches;
        private long lastLogged = System.nanoTime();

        long done() {
            return spansImported + spansUnchanged;
        }

        /** Items written: at a batch's end, tells the progress and, every 10 s, the log. */
        void wrote(int count) {
            if (!batches.wrote(count)) {
                return;
            }
            progress.spans(done(), total);
            if (System.nanoTime() - lastLogged > 10_000_000_000L) {
                lastLogged = System.nanoTime();
                log.info("Import of {} into project {}: {} of {} spans", upload, projectId, done(), total);
            }
        }

        Run(long projectId, String upload, String format, String plainAuthor) {
            this.projectId = projectId;
            this.plainAuthor = plainAuthor;
            this.scheme = schemes.current(projectId);
            this.rules = new LabelledSpanRules(scheme);
            this.upload = upload;
            this.origin = "Imported from " + upload + " (" + format + ")";
        }

        /** The file an item came from, as its provenance names it: the upload, and the file inside it. */
        String file(String inner) {
            return inner == null || inner.isBlank() || inner.equals(upload) ? upload : upload + ": " + inner;
        }

        void source(ImportedSource imported) {
            int before = sourcesImported;
            SourceSummary source = place(imported);
            blind(imported, source, sourcesImported > before);
            CodePoints text = new CodePoints(sources.get(source.id()).text());
            Map<List<Object>, AnnotationDetails> existing = new HashMap<>();
            Map<List<Object>, AnnotationDetails> importedBefore = new HashMap<>();
            annotations.visible(source.id(), null).forEach(a -> {
                existing.put(key(a.author(), a.start(), a.end(), a.label()), a);
                if (a.imported() != null) {
                    importedBefore.putIfAbsent(List.of(a.start(), a.end(), a.label()), a);
                }
            });
            Map<String, Long> refs = new HashMap<>();
            NewSpans fresh = new NewSpans(source, existing, importedBefore, refs);
            for (ImportedSource.ImportedSpan span : imported.spans()) {
                if (fresh.holdsOneLike(span)) {
                    fresh.write();
                }
                if (span.annotation().author() == null) {
                    // A span with no author in the file (a plain doccano line) is the same span whoever
                    // imports it: one already imported at the same place with the same label is it.
                    AnnotationDetails already = importedBefore.get(List.of(span.annotation().start(),
                            span.annotation().end(), span.annotation().label()));
                    if (already != null) {
                        spansUnchanged++;
                        if (span.ref() != null) {
                            refs.put(span.ref(), already.id());
                        }
                        wrote(1);
                        continue;
                    }
                }
                if (!span(source, text, existing, refs, span, fresh)) {
                    wrote(1);
                }
            }
            fresh.write();
            for (ImportedSource.Decision decision : imported.decisions()) {
                decision(source, refs, decision);
                wrote(1);
            }
            for (ImportedSource.Status status : imported.statuses()) {
                status(imported, source, status);
                wrote(1);
            }
            relations(source, refs, imported);
            ignored.addAll(imported.ignored());
        }

        /**
         * The source's relations, between spans imported or found here ({@code refs}); one whose end
         * was left out (in conflict) is left out too and reported; one already held is unchanged.
         */
        private void relations(SourceSummary source, Map<String, Long> refs, ImportedSource imported) {
            if (imported.relations().isEmpty()) {
                return;
            }
            Set<List<Object>> held = new java.util.HashSet<>();
            relations.visible(source.id()).forEach(r -> held.add(List.of(r.from(), r.to(), r.type())));
            for (ImportedSource.Relation relation : imported.relations()) {
                Long from = refs.get(relation.from());
                Long to = refs.get(relation.to());
                if (from == null || to == null) {
                    conflicts.add(where(relation.file(), relation.line()) + "relation " + relation.ref()
                            + " joins span " + (from == null ? relation.from() : relation.to()) + ", which was not imported; the "
                            + "relation is left out.");
                    continue;
                }
                if (!held.add(List.of(from, to, relation.type()))) {
                    relationsUnchanged++;
                    continue;
                }
                String author = relation.author() == null ? plainAuthor : relation.author().strip();
                at(relation.file(), relation.line(), () -> relations.importRelation(source.id(),
                        new ImportedRelation(from, to, relation.type(), author), file(relation.file()), origin));
                relationsImported++;
                wrote(1);
            }
        }

        /**
         * A new source takes the file's blind mode; one already here keeps its own, and a difference
         * is reported.
         */
        private void blind(ImportedSource imported, SourceSummary source, boolean isNew) {
            if (imported.blind() == null || imported.blind() == source.blind()) {
                return;
            }
            if (isNew) {
                at(imported.file(), imported.line(), () -> sources.importBlind(source.id(), origin));
                blindImported++;
                return;
            }
            conflicts.add(where(imported.file(), imported.line()) + "source " + source.id() + " is "
                    + (source.blind() ? "" : "not ") + "in blind mode here and the file says it is"
                    + (imported.blind() ? "" : " not") + "; the workbench's is kept.");
        }

        /**
         * A reviewer's status from the file, for a reviewer who has none here yet (under their name,
         * known account or not, as authors of spans are); a different status held here is kept and the
         * difference reported.
         */
        private void status(ImportedSource imported, SourceSummary source, ImportedSource.Status status) {
            String reviewer = person(imported.file(), imported.line(), "reviewer", status.reviewer());
            ReviewState state = reviewState(imported, status);
            ReviewState held = statuses.statusOf(source.id(), reviewer).status();
            if (state == ReviewState.NOT_STARTED || held == state) {
                return;
            }
            if (held != ReviewState.NOT_STARTED) {
                conflicts.add(where(imported.file(), imported.line()) + reviewer + "'s review of source " + source.id()
                        + " is " + held + " here and " + state + " in the file; the workbench's is kept.");
                return;
            }
            at(imported.file(), imported.line(), () -> statuses.importStatus(source.id(), reviewer, state,
                    status.changedAt(), origin));
            statusesImported++;
        }

        /**
         * Checks, before anything is written, what would refuse the file while it is imported: a
         * source named by hash that is not here, a span that names no author when the caller may not
         * be its author, an author's name, a span outside its text or whose quote differs from it, and
         * for a text not held yet (whose every span is new) each span against the scheme. So a
         * malformed span refuses the whole file while nothing has changed, however far into the
         * file it is; only what depends on the workbench's own state is found as it is imported.
         */
        void check(ImportedSource imported) {
            CodePoints text;
            boolean isNew;
            if (imported.draft() == null) {
                SourceSummary held = sources.findByHash(projectId, imported.sha256())
                        .orElseThrow(() -> notHeld(imported));
                text = new CodePoints(sources.get(held.id()).text());
                isNew = false;
            } else {
                String given = imported.draft().text();
                if (!SourceText.normalise(given).equals(given)) {
                    throw ImportFiles.malformed(imported.file(), imported.line(), "The text is not in Unicode NFC "
                            + "with LF line ends, so offsets into it would shift; normalise it before annotating.");
                }
                String sha256 = Sha256.hex(given.getBytes(StandardCharsets.UTF_8));
                if (imported.sha256() != null && !imported.sha256().equalsIgnoreCase(sha256)) {
                    throw hashDiffers(imported, sha256);
                }
                text = new CodePoints(given);
                isNew = sources.findByHash(projectId, sha256).isEmpty();
            }
            for (ImportedSource.ImportedSpan span : imported.spans()) {
                ImportedAnnotation given = span.annotation();
                if (given.author() == null && plainAuthor == null && isNew) {
                    throw noAuthor(span);
                }
                if (given.author() != null) {
                    person(span.file(), span.line(), "author", given.author());
                }
                String covered = at(span.file(), span.line(),
                        () -> LabelledSpanRules.covered(text, given.start(), given.end()));
                checkQuote(span, covered);
                if (isNew) {
                    at(span.file(), span.line(), () -> rules.check(text, given.start(), given.end(), given.label(),
                            given.attributes(), given.note()));
                }
                for (var verdict : span.verdicts().entrySet()) {
                    person(span.file(), span.line(), "reviewer", verdict.getKey());
                    verdict(span, verdict.getValue());
                }
            }
            for (ImportedSource.Decision decision : imported.decisions()) {
                outcome(decision);
            }
            for (ImportedSource.Status status : imported.statuses()) {
                person(imported.file(), imported.line(), "reviewer", status.reviewer());
                reviewState(imported, status);
            }
            checkRelations(imported);
        }

        /**
         * Each relation's author, type (in the scheme, as a span's label must be) and ends (the labels
         * its type goes from and to, two different spans), before anything is written.
         */
        private void checkRelations(ImportedSource imported) {
            Map<String, String> labels = new HashMap<>();
            imported.spans().forEach(span -> labels.putIfAbsent(span.ref(), span.annotation().label()));
            for (ImportedSource.Relation relation : imported.relations()) {
                String where = "relation " + relation.ref();
                if (relation.author() != null) {
                    person(relation.file(), relation.line(), "author", relation.author());
                } else if (plainAuthor == null) {
                    throw ImportFiles.malformed(relation.file(), relation.line(), where + " names no author, and you "
                            + "do not annotate in this project. Give 'author': the account, a reviewer or supervisor "
                            + "of the project, whose work these relations are.");
                }
                LabelScheme.RelationType type = scheme.relation(relation.type()).orElseThrow(() ->
                        ImportFiles.malformed(relation.file(), relation.line(), "Unknown relation type '"
                                + relation.type() + "' in " + where + "; the scheme has " + scheme.relations().stream()
                                .map(LabelScheme.RelationType::name).sorted().toList() + "."));
                if (relation.from().equals(relation.to())) {
                    throw ImportFiles.malformed(relation.file(), relation.line(), where + " joins span "
                            + relation.from() + " to itself.");
                }
                fits(relation, where, "from", labels.get(relation.from()), type.from());
                fits(relation, where, "to", labels.get(relation.to()), type.to());
            }
        }

        private void fits(ImportedSource.Relation relation, String where, String end, String label,
                          List<String> allowed) {
            if (label != null && !allowed.isEmpty() && !allowed.contains(label)) {
                throw ImportFiles.malformed(relation.file(), relation.line(), where + " (" + relation.type() + ") goes "
                        + end + " a " + label + " span; " + relation.type() + " goes " + end + " " + allowed + ".");
            }
        }

        private WorkbenchException hashDiffers(ImportedSource imported, String sha256) {
            return ImportFiles.malformed(imported.file(), imported.line(), "the text's SHA-256 is " + sha256
                    + ", not the " + imported.sha256() + " the file gives: the text was changed after export.");
        }

        private Verdict verdict(ImportedSource.ImportedSpan span, String given) {
            try {
                return Verdict.valueOf(given.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ImportFiles.malformed(span.file(), span.line(), "'" + given + "' is not a verdict: "
                        + "use AGREE, DISAGREE or UNSURE.");
            }
        }

        private Outcome outcome(ImportedSource.Decision decision) {
            try {
                return Outcome.valueOf(decision.outcome().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ImportFiles.malformed(decision.file(), decision.line(), "'" + decision.outcome()
                        + "' is not an outcome: use ACCEPTED or REJECTED.");
            }
        }

        private ReviewState reviewState(ImportedSource imported, ImportedSource.Status status) {
            try {
                return ReviewState.valueOf(status.status().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ImportFiles.malformed(imported.file(), imported.line(), "'" + status.status() + "' is not a "
                        + "review status: use IN_PROGRESS or SUBMITTED.");
            }
        }

        private WorkbenchException notHeld(ImportedSource imported) {
            return ImportFiles.malformed(imported.file(), imported.line(), "the source urn:sha256:" + imported.sha256()
                    + " is not in the workbench. This format carries no texts: import the sources first (JSON Lines "
                    + "and brat carry them).");
        }

        private WorkbenchException noAuthor(ImportedSource.ImportedSpan span) {
            return ImportFiles.malformed(span.file(), span.line(), "this span names no author, and you do not "
                    + "annotate in this project. Give 'author': the account, a reviewer or supervisor of the "
                    + "project, whose work these spans are.");
        }

        private void checkQuote(ImportedSource.ImportedSpan span, String covered) {
            if (span.quote() != null && !oneLine(covered).equals(oneLine(span.quote()))) {
                String name = span.ref() == null ? "" : " " + span.ref();
                throw ImportFiles.malformed(span.file(), span.line(), "span" + name + " says it covers '"
                        + shorten(span.quote()) + "', but the text there reads '" + shorten(covered) + "'.");
            }
        }

        /** The workbench's source for the imported one: matched by hash, or imported now. */
        private SourceSummary place(ImportedSource imported) {
            if (imported.draft() == null) {
                sourcesMatched++;
                return sources.findByHash(projectId, imported.sha256()).orElseThrow(() -> notHeld(imported));
            }
            ImportOutcome outcome = at(imported.file(), imported.line(), () -> sources.importRecord(projectId, imported.draft()));
            SourceSummary source = outcome.source();
            if (imported.sha256() != null && !imported.sha256().equalsIgnoreCase(source.sha256())) {
                throw hashDiffers(imported, source.sha256());
            }
            if (outcome.status() == ImportOutcome.Status.DUPLICATE) {
                sourcesMatched++;
                var draft = imported.draft();
                if (draft.title() != null && !draft.title().strip().equals(source.title())) {
                    conflicts.add(where(imported.file(), imported.line()) + "source " + source.id() + " has this text "
                            + "under the title '" + source.title() + "'; the workbench's metadata is kept.");
                }
            } else {
                sourcesImported++;
            }
            return source;
        }

        /**
         * Imports a span, or reports it as unchanged or in conflict; a new span is handed to
         * {@code fresh}, to be written with the next ones of its source (then true).
         */
        private boolean span(SourceSummary source, CodePoints text, Map<List<Object>, AnnotationDetails> existing,
                             Map<String, Long> refs, ImportedSource.ImportedSpan span, NewSpans fresh) {
            ImportedAnnotation given = span.annotation();
            if (given.author() == null && plainAuthor == null) {
                throw noAuthor(span);
            }
            String author = given.author() == null ? plainAuthor
                    : person(span.file(), span.line(), "author", given.author());
            String covered = at(span.file(), span.line(),
                    () -> LabelledSpanRules.covered(text, given.start(), given.end()));
            checkQuote(span, covered);
            List<Object> key = key(author, given.start(), given.end(), given.label());
            AnnotationDetails found = existing.get(key);
            AnnotationDetails annotation;
            if (found != null) {
                boolean same = Objects.equals(new TreeMap<>(found.attributes()), new TreeMap<>(given.attributes()))
                        && Objects.equals(found.note(), blankToNull(given.note()));
                if (!same) {
                    conflicts.add(where(span.file(), span.line()) + author + " already has a " + given.label()
                            + " span at " + given.start() + ".." + given.end() + " on source " + source.id()
                            + " with other attributes or note; the workbench's is kept.");
                    return false;
                }
                spansUnchanged++;
                annotation = found;
            } else {
                at(span.file(), span.line(), () -> rules.check(text, given.start(), given.end(), given.label(),
                        given.attributes(), given.note()));
                fresh.add(span, new ImportedAnnotation(author, given.start(), given.end(), given.label(),
                        given.attributes(), given.note(), given.createdAt(), given.modifiedAt()), key);
                return true;
            }
            if (span.ref() != null) {
                refs.put(span.ref(), annotation.id());
            }
            verdicts(span, annotation, true);
            return false;
        }

        /**
         * New spans of one source, written together (up to {@value #CLEARED_EVERY} at a time, from
         * one file) with their verdicts after them: one look-up of source, rights and scheme for all
         * of them instead of one each. A span like one waiting here (the same author, place and
         * label, or for spans without an author the same place and label) waits until they are
         * written, so that it is recognised as the same span.
         */
        private final class NewSpans {

            private final SourceSummary source;
            private final Map<List<Object>, AnnotationDetails> existing;
            private final Map<List<Object>, AnnotationDetails> importedBefore;
            private final Map<String, Long> refs;
            private final List<ImportedSource.ImportedSpan> spans = new ArrayList<>();
            private final List<ImportedAnnotation> given = new ArrayList<>();
            private final Map<List<Object>, Boolean> keys = new HashMap<>();
            private final Set<List<Object>> places = new java.util.HashSet<>();
            private String file;

            NewSpans(SourceSummary source, Map<List<Object>, AnnotationDetails> existing,
                     Map<List<Object>, AnnotationDetails> importedBefore, Map<String, Long> refs) {
                this.source = source;
                this.existing = existing;
                this.importedBefore = importedBefore;
                this.refs = refs;
            }

            boolean holdsOneLike(ImportedSource.ImportedSpan span) {
                if (spans.isEmpty()) {
                    return false;
                }
                ImportedAnnotation a = span.annotation();
                String author = a.author() == null ? plainAuthor : a.author().strip();
                return !file(span.file()).equals(file)
                        || author != null && keys.containsKey(key(author, a.start(), a.end(), a.label()))
                        || places.contains(List.of(a.start(), a.end(), a.label()));
            }

            void add(ImportedSource.ImportedSpan span, ImportedAnnotation withAuthor, List<Object> key) {
                file = file(span.file());
                spans.add(span);
                given.add(withAuthor);
                keys.put(key, true);
                places.add(List.of(withAuthor.start(), withAuthor.end(), withAuthor.label()));
                if (spans.size() >= CLEARED_EVERY) {
                    write();
                }
            }

            void write() {
                if (spans.isEmpty()) {
                    return;
                }
                ImportedSource.ImportedSpan first = spans.getFirst();
                List<AnnotationDetails> made = at(first.file(), first.line(),
                        () -> annotations.importAnnotations(source.id(), List.copyOf(given), file, origin));
                for (int i = 0; i < made.size(); i++) {
                    ImportedSource.ImportedSpan span = spans.get(i);
                    AnnotationDetails annotation = made.get(i);
                    ImportedAnnotation a = given.get(i);
                    existing.put(key(a.author(), a.start(), a.end(), a.label()), annotation);
                    if (span.annotation().author() == null) {
                        importedBefore.putIfAbsent(List.of(annotation.start(), annotation.end(), annotation.label()),
                                annotation);
                    }
                    spansImported++;
                    String name = span.ref() == null ? "" : " " + span.ref();
                    incomplete(span.file(), span.line(), "span" + name + " at " + annotation.start() + ".."
                            + annotation.end(), annotation.label(), annotation.attributes());
                    if (span.ref() != null) {
                        refs.put(span.ref(), annotation.id());
                    }
                    verdicts(span, annotation, false);
                }
                int written = spans.size();
                spans.clear();
                given.clear();
                keys.clear();
                places.clear();
                wrote(written);
            }
        }

        private void verdicts(ImportedSource.ImportedSpan span, AnnotationDetails annotation, boolean heldBefore) {
            if (span.verdicts().isEmpty()) {
                return;
            }
            Map<String, AssessmentDetails> held = new HashMap<>();
            if (heldBefore) {
                for (AssessmentDetails a : assessments.of(annotation.id())) {
                    held.put(a.reviewer(), a);
                }
            }
            for (var given : new TreeMap<>(span.verdicts()).entrySet()) {
                person(span.file(), span.line(), "reviewer", given.getKey());
                Verdict verdict = verdict(span, given.getValue());
                ImportedSource.VerdictNote note = span.notes().getOrDefault(given.getKey(),
                        new ImportedSource.VerdictNote(null, null, null));
                String comment = blankToNull(note.comment());
                AssessmentDetails already = held.get(given.getKey());
                if (already != null && already.verdict() == verdict
                        && (!span.notes().containsKey(given.getKey()) || Objects.equals(already.comment(), comment))) {
                    continue;
                }
                if (already != null || given.getKey().equals(annotation.author())) {
                    conflicts.add(where(span.file(), span.line()) + given.getKey() + "'s verdict " + verdict
                            + (comment == null ? "" : " (“" + shorten(comment) + "”)") + " on annotation "
                            + annotation.id() + (already != null ? " differs from the " + already.verdict()
                            + (already.comment() == null ? "" : " (“" + shorten(already.comment()) + "”)")
                            + " the workbench holds; the workbench's is kept." : " is on their own span; left out."));
                    continue;
                }
                at(span.file(), span.line(), () -> assessments.importVerdict(annotation.id(), given.getKey(), verdict,
                        comment, note.created(), note.modified(), file(span.file()), origin));
                verdictsImported++;
            }
        }

        private void decision(SourceSummary source, Map<String, Long> refs, ImportedSource.Decision decision) {
            String where = where(decision.file(), decision.line());
            Set<Long> ids = new TreeSet<>();
            for (String ref : decision.basedOn()) {
                Long id = refs.get(ref);
                if (id == null) {
                    conflicts.add(where + "decision " + decision.ref() + " is about span " + ref + ", which was not "
                            + "imported; the decision is left out.");
                    return;
                }
                ids.add(id);
            }
            if (ids.isEmpty()) {
                throw ImportFiles.malformed(decision.file(), decision.line(), "decision " + decision.ref()
                        + " names no spans in 'basedOn'.");
            }
            Outcome outcome = outcome(decision);
            for (DecisionDetails held : adjudication.decisions(source.id())) {
                if (held.basedOn().stream().anyMatch(ids::contains)) {
                    if (!held.basedOn().equals(ids) || held.outcome() != outcome) {
                        conflicts.add(where + "decision " + decision.ref() + " differs from decision " + held.id()
                                + " the workbench holds on the same spans; the workbench's is kept.");
                    }
                    return;
                }
            }
            DecisionRequest request = DecisionRequest.of(ids, outcome, decision.reason())
                    .withSpan(decision.start(), decision.end(), decision.label())
                    .withDescription(decision.attributes(), decision.note() == null ? "" : decision.note());
            if (decision.decidedBy() != null) {
                person(decision.file(), decision.line(), "decidedBy", decision.decidedBy());
            }
            DecisionDetails made = at(decision.file(), decision.line(), () -> adjudication.importDecision(source.id(),
                    request, decision.decidedBy(), decision.decidedAt(), file(decision.file()), origin));
            decisionsImported++;
            if (made.gold() != null) {
                incomplete(decision.file(), decision.line(), "the gold span of decision " + decision.ref(),
                        made.gold().label(), made.gold().attributes());
            }
        }

        /**
         * Reports imported work that lacks a required attribute. It is kept as it was made (under an
         * earlier scheme, say) rather than refused or skipped, so that an old corpus still imports and
         * the decisions resting on it stay whole; whoever changes it next must complete it.
         */
        private void incomplete(String file, int line, String what, String labelName, Map<String, String> values) {
            incompleteness(rules.label(labelName), values, where(file, line) + what).ifPresent(incomplete::add);
        }
    }

    /**
     * The report's line for imported work ({@code what}, with its file and line) whose values leave
     * a required attribute of its label without one; empty when nothing is missing.
     */
    static Optional<String> incompleteness(LabelScheme.Label label, Map<String, String> values, String what) {
        List<LabelScheme.Attribute> missing = LabelledSpanRules.missing(label, values);
        return missing.isEmpty() ? Optional.empty() : Optional.of(what + ": "
                + LabelledSpanRules.describeMissing(label, missing) + "; imported without, to be completed in the "
                + "workbench.");
    }

    /**
     * A person's name from the file, held to the rule for account names, so that markup, formulas
     * or look-alikes never appear as reviewers; refused with the file and line otherwise.
     */
    static String person(String file, int line, String field, String given) {
        String name = given.strip();
        if (!AccountService.isUsername(name)) {
            String shown = name.codePoints().filter(c -> !Character.isISOControl(c)).limit(60)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            throw ImportFiles.malformed(file, line, "'" + shown + "' in '" + field + "' is not a name this workbench "
                    + "accepts: names of people are " + AccountService.USERNAME_RULE + ", as account names are.");
        }
        return name;
    }

    /** Runs a service call, naming the file and line in a refusal. */
    static <T> T at(String file, int line, Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkbenchException e) {
            throw new WorkbenchException(e.kind(), where(file, line) + e.getMessage());
        }
    }

    static String where(String file, int line) {
        return file + (line > 0 ? ", line " + line : "") + ": ";
    }

    private static List<Object> key(String author, int start, int end, String label) {
        return List.of(author, start, end, label);
    }

    /** brat writes covered text on one line; line breaks and tabs compare as spaces. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\t', ' ');
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
