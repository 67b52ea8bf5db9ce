package org.corroborate.source;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.corroborate.base.Role;
import org.corroborate.base.SourceProjects;
import org.corroborate.project.ProjectService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.corroborate.audit.EntityHistory;
import org.corroborate.base.Change;
import org.corroborate.base.ChangeReason;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Roles;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.WorkbenchProperties;
import org.corroborate.base.Sha256;
import org.corroborate.source.document.DocumentExtractor;
import org.corroborate.source.document.DocumentType;
import org.corroborate.source.document.ExtractedDocument;
import org.corroborate.source.document.ExtractionProgress;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The source library: the only door to sources. Every source belongs to one project; a person who
 * may not read that project gets 404 for it, exactly as for a source that does not exist. Imports
 * are validated, de-duplicated by hash within their project, and audited.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class SourceService implements SourceProjects {

    private final SourceRepository sources;
    private final SourceVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final EntityHistory history;
    private final ProjectService projects;
    private final Map<Long, Long> projectOfSource = new ConcurrentHashMap<>();
    private final long maxFileBytes;
    private final long maxImportBytes;
    private final SourceOriginalRepository originals;
    private final DocumentExtractor extractor;

    SourceService(SourceRepository sources, SourceVersionRepository versions, ApplicationEventPublisher events,
                  Clock clock, WorkbenchProperties properties, CurrentActor currentActor,
                  EntityHistory history, ProjectService projects, SourceOriginalRepository originals,
                  DocumentExtractor extractor) {
        this.versions = versions;
        this.originals = originals;
        this.extractor = extractor;
        this.projects = projects;
        this.history = history;
        this.sources = sources;
        this.events = events;
        this.clock = clock;
        this.currentActor = currentActor;
        this.maxFileBytes = properties.sources().maxFileSize().toBytes();
        this.maxImportBytes = properties.sources().maxImportSize().toBytes();
    }

    /** The most one source file may weigh, in bytes (workbench.sources.max-file-size). */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * The most a file of this name may weigh, in bytes: {@code workbench.documents.max-bytes} for a
     * document (PDF, DOCX, ODT, RTF, EML), {@code workbench.sources.max-file-size} for a text file.
     */
    public long maxFileBytes(String fileName) {
        return DocumentType.byExtension(extension(fileName)).isPresent()
                ? extractor.limits().maxBytes().toBytes() : maxFileBytes;
    }

    /** The most the files of one import may weigh together, in bytes (workbench.sources.max-import-size). */
    public long maxImportBytes() {
        return maxImportBytes;
    }

    /** The sources of every project the signed-in person may read, newest first. */
    @Transactional(readOnly = true)
    public List<SourceSummary> list() {
        Set<Long> readable = projects.readableIds();
        return readable.isEmpty() ? List.of() : sources.findSummaries(readable);
    }

    /** The sources of one project, newest first; 404 if the signed-in person may not read it. */
    @Transactional(readOnly = true)
    public List<SourceSummary> list(long projectId) {
        projects.requireReadable(projectId);
        return sources.findSummaries(List.of(projectId));
    }

    /**
     * A source's metadata without its text: for checks that need no text, such as blind mode or
     * existence; 404 if there is no such source or the signed-in person may not read its project.
     */
    @Transactional(readOnly = true)
    public SourceSummary summary(long id) {
        SourceSummary summary = sources.findSummary(id).orElseThrow(() -> missing(id));
        if (!projects.mayRead(summary.project())) {
            throw missing(id);
        }
        return summary;
    }

    /**
     * The metadata of several sources in one query per 1,000 ids, without their texts: for views that
     * gather things from many sources (a claim's members). Ids that do not exist or lie in projects the
     * signed-in person may not read are left out, never an error.
     */
    @Transactional(readOnly = true)
    public List<SourceSummary> summaries(Collection<Long> ids) {
        List<Long> wanted = ids.stream().distinct().toList();
        List<SourceSummary> found = new java.util.ArrayList<>(wanted.size());
        java.util.Map<Long, Boolean> readable = new java.util.HashMap<>();
        for (int from = 0; from < wanted.size(); from += 1000) {
            for (SourceSummary summary : sources.findSummariesById(wanted.subList(from,
                    Math.min(wanted.size(), from + 1000)))) {
                if (readable.computeIfAbsent(summary.project(), projects::mayRead)) {
                    found.add(summary);
                }
            }
        }
        return found;
    }

    /** A source with its text; 404 as {@link #summary}. */
    @Transactional(readOnly = true)
    public SourceDetails get(long id) {
        Source source = sources.findById(id).orElseThrow(() -> missing(id));
        if (!projects.mayRead(source.getProjectId())) {
            throw missing(id);
        }
        Long originalSize = source.getOriginalSha256() == null ? null
                : originals.findSize(source.getOriginalSha256()).orElse(null);
        return new SourceDetails(source.toSummary(), source.getText(), source.getDocumentMetadata(), originalSize);
    }

    /**
     * The file a source was imported from, exactly as uploaded; 404 if there is no such source, the
     * signed-in person may not read its project, or it came from no file (a text given as JSON).
     */
    @Transactional(readOnly = true)
    public SourceOriginalFile original(long id) {
        Source source = sources.findById(id).filter(s -> projects.mayRead(s.getProjectId()))
                .orElseThrow(() -> missing(id));
        SourceOriginal original = Optional.ofNullable(source.getOriginalSha256()).flatMap(originals::findById)
                .orElseThrow(() -> WorkbenchException.notFound("Source " + id + " was not imported from a file, so "
                        + "there is no original to download."));
        SourceSummary summary = source.toSummary();
        String name = summary.originFileName() == null ? "source-" + id : summary.originFileName();
        return new SourceOriginalFile(name, original.getMediaType(), original.getSha256(), original.getContent());
    }

    /**
     * Corrects a source's provenance: title, publisher, author, URL and published date, as a supervisor
     * of its project, an administrator or the person who imported it. Only the fields present in
     * {@code changes} change; a present field that is null or blank is cleared (the title cannot be).
     * Audited as {@code source.edited} with the state before and after.
     *
     * @param changes field name ({@code title}, {@code publisher}, {@code author}, {@code url},
     *     {@code published} as an ISO date) to new value
     * @param expectedVersion the source's {@code version} as the caller read it
     * @param reason why, kept in the audit trail (optional)
     * @throws WorkbenchException 404 as {@link #summary}; 400 for an unknown field or a bad value (nothing
     *     changes); 409 when the source changed since {@code expectedVersion}
     */
    public SourceSummary editProvenance(long id, Map<String, String> changes, long expectedVersion, String reason) {
        Source source = sources.findById(id).filter(s -> projects.mayRead(s.getProjectId()))
                .orElseThrow(() -> missing(id));
        SourceSummary before = source.toSummary();
        if (!projects.oversees(before.project()) && !currentActor.require().equals(before.importedBy())) {
            projects.requireOverseer(before.project(), "edit the provenance of a source someone else imported");
        }
        for (String field : changes.keySet()) {
            if (!PROVENANCE_FIELDS.contains(field)) {
                throw WorkbenchException.badInput("'" + field + "' cannot be edited; the provenance fields are "
                        + String.join(", ", PROVENANCE_FIELDS) + ".");
            }
        }
        if (changes.containsKey("title") && (changes.get("title") == null || changes.get("title").isBlank())) {
            throw WorkbenchException.badInput("'title' cannot be blank.");
        }
        TextRules.check("reason", reason);
        String title = changes.containsKey("title") ? changes.get("title") : before.title();
        String publisher = changes.containsKey("publisher") ? changes.get("publisher") : before.publisher();
        String author = changes.containsKey("author") ? changes.get("author") : before.author();
        String url = changes.containsKey("url") ? changes.get("url") : before.url();
        String published = changes.containsKey("published") ? changes.get("published")
                : before.published() == null ? null : before.published().toString();
        // The same checks as an import's fields; the text is only a stand-in to satisfy them.
        SourceDraft checked = SourceParser.fromFields(title, "-", publisher, url, published, author);
        if (before.version() != expectedVersion) {
            throw WorkbenchException.conflict("Source " + id + " was changed by someone else (version "
                    + before.version() + ", you sent " + expectedVersion + "); reload it and edit again.");
        }
        source.setProvenance(SourceParser.limit("title", checked.title()), checked.publisher(), checked.author(),
                checked.url(), checked.published());
        SourceSummary after = sources.saveAndFlush(source).toSummary();
        events.publishEvent(Change.updated("source.edited", "Source", id, id, before, after,
                reason == null || reason.isBlank() ? null : reason.strip()));
        return after;
    }

    private static final List<String> PROVENANCE_FIELDS = List.of("title", "publisher", "author", "url", "published");

    /**
     * How many sources a project holds, in one count query: a cheap way to tell whether something
     * derived from the sources (the suggestion index) has caught up; 404 as {@link #list(long)}.
     */
    @Transactional(readOnly = true)
    public long count(long projectId) {
        projects.requireReadable(projectId);
        return sources.countByProjectId(projectId);
    }

    /**
     * Some sources of one project with their texts, in one query; ids outside the project are left
     * out. 404 if the signed-in person may not read the project.
     */
    @Transactional(readOnly = true)
    public List<SourceDetails> get(long projectId, Collection<Long> ids) {
        projects.requireReadable(projectId);
        return sources.findAllById(ids).stream()
                .filter(s -> s.getProjectId() == projectId)
                .map(s -> new SourceDetails(s.toSummary(), s.getText()))
                .toList();
    }

    /** The project of a source, whoever asks (the audit trail files events by it); empty for no such source. */
    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public Optional<Long> projectOf(long sourceId) {
        Long cached = projectOfSource.get(sourceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> project = sources.findProjectId(sourceId);
        project.ifPresent(p -> projectOfSource.put(sourceId, p));
        return project;
    }

    private static WorkbenchException missing(long id) {
        return WorkbenchException.notFound("There is no source with id " + id + ".");
    }

    /**
     * Turns blind mode on or off for sources: in blind mode a reviewer sees colleagues' annotations
     * only after submitting. Pass every source id to set it for the whole corpus.
     */
    @PreAuthorize(Roles.SUPERVISES)
    public List<SourceSummary> setBlind(Collection<Long> ids, boolean blind) {
        return ids.stream().map(id -> {
            Source source = sources.findById(id).filter(s -> projects.mayRead(s.getProjectId()))
                    .orElseThrow(() -> missing(id));
            projects.require(source.getProjectId(), java.util.EnumSet.of(Role.SUPERVISOR), "turn blind mode on or off");
            SourceSummary before = source.toSummary();
            if (before.blind() == blind) {
                return before;
            }
            source.setBlind(blind);
            SourceSummary after = sources.saveAndFlush(source).toSummary();
            events.publishEvent(Change.updated(blind ? "source.blind-on" : "source.blind-off", "Source", id, id,
                    before, after, null));
            events.publishEvent(new BlindModeChanged(id, blind));
            return after;
        }).toList();
    }

    /**
     * Puts a source in blind mode because an imported corpus says it was, as a supervisor of its
     * project or an administrator importing it; {@code origin} says from where in the audit trail
     * ({@code source.blind-on}) and the history. Nothing happens if it is blind already.
     */
    @PreAuthorize(Roles.OVERSEES)
    public SourceSummary importBlind(long id, String origin) {
        ChangeReason.record(origin);
        Source source = sources.findById(id).filter(s -> projects.mayRead(s.getProjectId()))
                .orElseThrow(() -> missing(id));
        projects.requireOverseer(source.getProjectId(), "import blind mode");
        SourceSummary before = source.toSummary();
        if (before.blind()) {
            return before;
        }
        source.setBlind(true);
        SourceSummary after = sources.saveAndFlush(source).toSummary();
        events.publishEvent(Change.updated("source.blind-on", "Source", id, id, before, after, origin));
        events.publishEvent(new BlindModeChanged(id, true));
        return after;
    }

    /** Every state of a source's metadata (the text never changes), with who changed it, when and why. */
    @Transactional(readOnly = true)
    public List<EntityHistory.Revision<SourceSummary>> revisions(long id) {
        summary(id);
        var revisions = EntityHistory.numbered(history.of(Source.class, id, Source::toSummary),
                SourceService::withVersion);
        if (revisions.isEmpty()) {
            throw WorkbenchException.notFound("There is no source with id " + id + ".");
        }
        return revisions;
    }

    private static SourceSummary withVersion(SourceSummary s, long version) {
        return new SourceSummary(s.id(), s.title(), s.publisher(), s.author(), s.url(), s.published(), s.retrieved(),
                s.language(), s.originFileName(), s.importedBy(), s.importedAt(), s.sha256(), s.length(), s.blind(),
                version, s.project(), s.mediaType(), s.originalSha256(), s.pages());
    }

    /** A source's metadata as it was at a moment. */
    @Transactional(readOnly = true)
    public SourceSummary stateAt(long id, Instant moment) {
        SourceSummary state = EntityHistory.at(revisions(id), moment);
        if (state == null) {
            throw WorkbenchException.notFound("Source " + id + " did not exist at " + moment + ".");
        }
        return state;
    }

    /** The source of the project whose text has this SHA-256, if the project holds it. */
    @Transactional(readOnly = true)
    public Optional<SourceSummary> findByHash(long projectId, String sha256) {
        projects.requireReadable(projectId);
        return sha256 == null ? Optional.empty()
                : sources.findByProjectIdAndSha256(projectId, sha256.strip().toLowerCase()).map(Source::toSummary);
    }

    /**
     * Imports one file (.txt, .md, .html) into a project the signed-in person annotates in (or
     * oversees); an identical text already in that project is reported, not stored again.
     */
    public ImportOutcome importFile(long projectId, String fileName, byte[] content) {
        return importFile(projectId, fileName, content, ExtractionProgress.NONE);
    }

    /**
     * Imports one file, text (.txt, .md, .html) or document (.pdf, .docx, .odt, .rtf, .eml), telling
     * {@code progress} how far a document's extraction has come. The file's bytes are kept as the
     * source's original; a document's page starts and metadata are kept with the source, and its
     * title, author and creation date fill the source's fields. Refused files store nothing.
     */
    public ImportOutcome importFile(long projectId, String fileName, byte[] content, ExtractionProgress progress) {
        requireImporter(projectId);
        return store(projectId, parse(fileName, content, GivenFields.NONE, progress));
    }

    /**
     * Imports several files as one unit: if any file is refused, none is stored and the error
     * names the file. Files identical to a source already held are reported as duplicates.
     */
    public List<ImportOutcome> importFiles(long projectId, List<NamedContent> files) {
        return importFiles(projectId, files, GivenFields.NONE);
    }

    /**
     * Imports several files as one unit, as {@link #importFiles(long, List)}; the fields of
     * {@code given} that are not blank take the place of what the files say (title, author...), in
     * every file.
     */
    public List<ImportOutcome> importFiles(long projectId, List<NamedContent> files, GivenFields given) {
        requireImporter(projectId);
        if (files.isEmpty()) {
            throw WorkbenchException.badInput("No files were sent.");
        }
        List<Parsed> parsed = new ArrayList<>();
        for (NamedContent file : files) {
            parsed.add(parse(file.name(), file.content(), given, ExtractionProgress.NONE));
        }
        return parsed.stream().map(p -> store(projectId, p)).toList();
    }

    /**
     * Reads a file into a draft and its original: documents through the {@link DocumentExtractor},
     * text files as before; the type is checked against the bytes, so a renamed file is refused.
     */
    private Parsed parse(String fileName, byte[] content, GivenFields given, ExtractionProgress progress) {
        String name = SourceParser.baseName(fileName);
        String extension = extension(name);
        Optional<DocumentType> document = DocumentType.byExtension(extension);
        if (document.isEmpty() && !SourceParser.EXTENSIONS.contains(extension)) {
            throw WorkbenchException.badInput("'" + name + "' is not a supported file type: import .txt, .md, "
                    + ".html, .pdf, .docx, .odt, .rtf or .eml files.");
        }
        checkSize(name, content.length, maxFileBytes(name));
        if (document.isEmpty()) {
            String detected = content.length == 0 ? "text/plain" : extractor.detect(content);
            if (DocumentType.byMediaType(detected).isPresent()) {
                throw DocumentExtractor.mismatch(name, null, detected);
            }
            SourceDraft draft = given.over(SourceParser.parseFile(name, content));
            String mediaType = extension.startsWith("htm") ? "text/html"
                    : extension.equals("md") ? "text/markdown" : "text/plain";
            return new Parsed(draft, content, mediaType, List.of(), Map.of());
        }
        ExtractedDocument extracted = extractor.extract(name, content, document.get(), progress);
        SourceDraft fromFile;
        try {
            fromFile = SourceParser.fromFields(extracted.title() == null ? null : SourceParser.truncated(extracted.title()),
                    extracted.text(), null, null, null, extracted.author() == null ? null
                            : SourceParser.truncated(extracted.author()));
        } catch (WorkbenchException bad) {
            throw WorkbenchException.badInput("'" + name + "': " + bad.getMessage());
        }
        SourceDraft draft = new SourceDraft(fromFile.title(), null, fromFile.author(), null, extracted.created(),
                null, null, name, fromFile.text());
        return new Parsed(given.over(draft), content, extracted.mediaType(), extracted.pageStarts(),
                extracted.metadata());
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Imports a text given as fields, as the JSON API does. */
    public ImportOutcome importText(long projectId, String title, String text, String publisher, String url,
                                    String published, String author) {
        requireImporter(projectId);
        if (text != null) {
            checkSize("the text", text.getBytes(StandardCharsets.UTF_8).length);
        }
        return store(projectId, SourceParser.fromFields(title, text, publisher, url, published, author));
    }

    /**
     * Imports a source as an exchanged corpus describes it: every metadata field, checked as the
     * JSON API checks its fields. The text must already be in the workbench's form (NFC, LF line
     * ends), since the corpus's offsets count in it; an identical text already held is reported.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ImportOutcome importRecord(long projectId, SourceDraft record) {
        projects.requireOverseer(projectId, "import a corpus");
        if (record.text() != null) {
            checkSize("the text", record.text().getBytes(StandardCharsets.UTF_8).length);
            if (!SourceText.normalise(record.text()).equals(record.text())) {
                throw WorkbenchException.badInput("The text is not in Unicode NFC with LF line ends, so offsets into "
                        + "it would shift; normalise it before annotating.");
            }
        }
        if (record.language() != null && record.language().length() > 35) {
            throw WorkbenchException.badInput("'language' must be a language tag such as en or pt-BR, at most 35 "
                    + "characters.");
        }
        SourceDraft checked = SourceParser.fromFields(record.title(), record.text(), record.publisher(), record.url(),
                record.published() == null ? null : record.published().toString(), record.author());
        return store(projectId, new SourceDraft(checked.title(), checked.publisher(), checked.author(), checked.url(),
                checked.published(), record.retrieved(), SourceParser.limit("language", record.language()),
                SourceParser.limit("originFileName", record.originFileName()), checked.text()));
    }

    private void requireImporter(long projectId) {
        projects.require(projectId, java.util.EnumSet.allOf(Role.class), "add sources");
    }

    private ImportOutcome store(long projectId, Parsed parsed) {
        return store(projectId, parsed.draft(), parsed);
    }

    private ImportOutcome store(long projectId, SourceDraft draft) {
        return store(projectId, draft, null);
    }

    private ImportOutcome store(long projectId, SourceDraft draft, Parsed parsed) {
        String hash = SourceText.sha256(draft.text());
        var existing = sources.findByProjectIdAndSha256(projectId, hash);
        if (existing.isPresent()) {
            return new ImportOutcome(draft.originFileName(), ImportOutcome.Status.DUPLICATE,
                    existing.get().toSummary());
        }
        String actor = currentActor.require();
        Source source;
        try {
            Source fresh = new Source(projectId, draft, actor, clock.instant());
            if (parsed != null) {
                String originalHash = Sha256.hex(parsed.original());
                if (!originals.existsById(originalHash)) {
                    originals.save(new SourceOriginal(originalHash, parsed.mediaType(), parsed.original(),
                            clock.instant()));
                }
                fresh.setOriginal(originalHash, parsed.mediaType(), parsed.pageStarts(), parsed.metadata());
            }
            source = sources.saveAndFlush(fresh);
        } catch (DataIntegrityViolationException refused) {
            if (refused.getMessage() != null && refused.getMessage().toLowerCase().contains("uk_source_project_sha256")) {
                // Another import of the same text committed between our check and our insert.
                throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE,
                        "An identical text was imported into this project at the same moment; it is in the project once.");
            }
            throw refused;
        }
        versions.saveAndFlush(new SourceVersion(source.getId(), 1, draft.text(), null, null, List.of(), actor,
                source.getImportedAt(), null));
        SourceSummary summary = source.toSummary();
        events.publishEvent(Change.created("source.imported", "Source", summary.id(), summary.id(), summary));
        return new ImportOutcome(draft.originFileName(), ImportOutcome.Status.IMPORTED, summary);
    }

    private void checkSize(String name, long bytes) {
        checkSize(name, bytes, maxFileBytes);
    }

    private static void checkSize(String name, long bytes, long most) {
        if (bytes > most) {
            throw WorkbenchException.tooLarge("'" + name + "' is " + bytes / 1024 + " KiB; this workbench accepts "
                    + "such files up to " + most / 1024 + " KiB.");
        }
    }

    // ---- Versions (issue 18) ----

    /** The most characters a version's note may have. */
    private static final int MAX_NOTE = 2000;

    /** Every version of a source, first to current (the last); 404 as {@link #summary}. */
    @Transactional(readOnly = true)
    public List<SourceVersionSummary> versions(long sourceId) {
        Source source = readable(sourceId);
        return versions.findBySource(sourceId).stream().map(v -> v.toSummary(source.getCurrentVersion())).toList();
    }

    /** One version of a source with its text, for any member who may read the source; 404 if there is no such version. */
    @Transactional(readOnly = true)
    public SourceVersionDetails version(long sourceId, int number) {
        Source source = readable(sourceId);
        SourceVersion version = versions.findOne(sourceId, number).orElseThrow(() -> WorkbenchException.notFound(
                "Source " + sourceId + " has no version " + number + "; it has versions 1 to "
                        + source.getCurrentVersion() + "."));
        return new SourceVersionDetails(version.toSummary(source.getCurrentVersion()), version.getText());
    }

    /** The number of a source's current version (1 until it is revised); 404 as {@link #summary}. */
    @Transactional(readOnly = true)
    public int currentVersion(long sourceId) {
        return readable(sourceId).getCurrentVersion();
    }

    /**
     * A revised text given as such (the JSON API's {@code text}), normalised and checked as an import's
     * text is (400 for a blank text, control characters; 413 over the size limit).
     */
    public NewVersion versionFromText(String text) {
        if (text != null) {
            checkSize("the text", text.getBytes(StandardCharsets.UTF_8).length);
        }
        SourceDraft draft = SourceParser.fromFields("revision", text, null, null, null, null);
        return new NewVersion(draft.text(), null, null, null, List.of());
    }

    /** A revised text from a file, read as an import reads it (.txt, .md, .html); 400 or 413 as an import. */
    public NewVersion versionFromFile(String fileName, byte[] content) {
        checkSize(SourceParser.baseName(fileName), content.length);
        SourceDraft draft = SourceParser.parseFile(fileName, content);
        return new NewVersion(draft.text(), draft.originFileName(), null, null, List.of());
    }

    /**
     * Makes a revised text the source's current text, as the next version; the previous versions stay
     * readable. Only the project's overseers (supervisors, administrators) revise a source, since the
     * revision moves everyone's annotations; the caller re-anchors them in the same transaction.
     * Audited as {@code source.version.added}.
     *
     * @param basedOn the number of the version the caller revised: 409 if the source has moved on since
     * @param note why the text was revised (optional, at most 2,000 characters)
     * @throws WorkbenchException 404 (no such source, or not readable), 403 (not an overseer), 400 (no
     *         {@code basedOn}, a text identical to the current one, a note too long), 409 (another version
     *         was added meanwhile; another source of the project has this text)
     */
    @PreAuthorize(Roles.OVERSEES)
    public SourceRevision addVersion(long sourceId, Integer basedOn, NewVersion revised, String note) {
        Source source = readable(sourceId);
        projects.requireOverseer(source.getProjectId(), "add a version of its sources");
        if (basedOn == null) {
            throw WorkbenchException.badInput("'basedOn' is required: send the number of the version you revised "
                    + "(the current one is " + source.getCurrentVersion() + ").");
        }
        if (basedOn != source.getCurrentVersion()) {
            throw WorkbenchException.conflict("Source " + sourceId + " is at version " + source.getCurrentVersion()
                    + " now; you revised version " + basedOn + ". Nothing was saved: read the current version and "
                    + "revise it.");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw WorkbenchException.badInput("'note' is longer than " + MAX_NOTE + " characters.");
        }
        String hash = SourceText.sha256(revised.text());
        if (hash.equals(source.getSha256())) {
            throw WorkbenchException.badInput("The new text is identical to version " + source.getCurrentVersion()
                    + "; nothing to revise.");
        }
        var other = sources.findByProjectIdAndSha256(source.getProjectId(), hash);
        if (other.isPresent()) {
            throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE, "Source " + other.get().getId()
                    + " of this project already has this text; a source's text is in a project once.");
        }
        int previousNumber = source.getCurrentVersion();
        String previousText = source.getText();
        SourceSummary before = source.toSummary();
        int number = previousNumber + 1;
        Instant now = clock.instant();
        SourceVersion version;
        try {
            version = versions.saveAndFlush(new SourceVersion(sourceId, number, revised.text(),
                    revised.originalSha256(), revised.mediaType(), revised.pageStarts(), currentActor.require(), now,
                    cleanNote));
            source.revise(revised.text(), number);
            source = sources.saveAndFlush(source);
        } catch (DataIntegrityViolationException | org.springframework.dao.OptimisticLockingFailureException raced) {
            throw WorkbenchException.conflict("Another version of source " + sourceId + " was added at the same "
                    + "moment; nothing was saved. Read the current version and revise it.");
        }
        SourceSummary after = source.toSummary();
        SourceVersionSummary added = version.toSummary(number);
        events.publishEvent(Change.updated("source.version.added", "Source", sourceId, sourceId, before,
                new VersionAdded(after, added), cleanNote));
        events.publishEvent(new SourceTextRevised(sourceId, number));
        return new SourceRevision(after, added, previousNumber, previousText, revised.text());
    }

    /** What the audit trail records of an added version: the source after it and the version. */
    record VersionAdded(SourceSummary source, SourceVersionSummary version) {}

    private Source readable(long sourceId) {
        Source source = sources.findById(sourceId).orElseThrow(() -> missing(sourceId));
        if (!projects.mayRead(source.getProjectId())) {
            throw missing(sourceId);
        }
        return source;
    }

    /** A file's name and bytes, as received. */
    public record NamedContent(String name, byte[] content) {}

    /**
     * GivenFields given with an upload, which takes the place of what the file itself says; blank or
     * null fields leave the file's own values. {@code published} is an ISO date.
     */
    public record GivenFields(String title, String publisher, String author, String url, String published) {

        /** Nothing given: every field comes from the file. */
        public static final GivenFields NONE = new GivenFields(null, null, null, null, null);

        SourceDraft over(SourceDraft draft) {
            if (this.equals(NONE)) {
                return draft;
            }
            SourceDraft checked = SourceParser.fromFields(title, "-", publisher, url, published, author);
            return new SourceDraft(blank(title) ? draft.title() : checked.title(),
                    blank(publisher) ? draft.publisher() : checked.publisher(),
                    blank(author) ? draft.author() : checked.author(),
                    blank(url) ? draft.url() : checked.url(),
                    blank(published) ? draft.published() : checked.published(),
                    draft.retrieved(), draft.language(), draft.originFileName(), draft.text());
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** A parsed file: the draft and what is kept of the file itself. */
    private record Parsed(SourceDraft draft, byte[] original, String mediaType, List<Integer> pageStarts,
                          Map<String, String> metadata) {}
}
