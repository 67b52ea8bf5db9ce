package org.corroborate.source;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.corroborate.audit.EntityHistory;
import org.corroborate.base.Change;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Roles;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.WorkbenchProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The source library: the only door to sources. Imports are validated, de-duplicated by hash, and audited. */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class SourceService {

    private final SourceRepository sources;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final EntityHistory history;
    private final long maxFileBytes;
    private final long maxImportBytes;

    SourceService(SourceRepository sources, ApplicationEventPublisher events, Clock clock,
                  WorkbenchProperties properties, CurrentActor currentActor,
                  EntityHistory history) {
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

    /** The most the files of one import may weigh together, in bytes (workbench.sources.max-import-size). */
    public long maxImportBytes() {
        return maxImportBytes;
    }

    @Transactional(readOnly = true)
    public List<SourceSummary> list() {
        return sources.findAllSummaries();
    }

    /** A source's metadata without its text: for checks that need no text, such as blind mode or existence. */
    @Transactional(readOnly = true)
    public SourceSummary summary(long id) {
        return sources.findSummary(id)
                .orElseThrow(() -> WorkbenchException.notFound("There is no source with id " + id + "."));
    }

    @Transactional(readOnly = true)
    public SourceDetails get(long id) {
        Source source = sources.findById(id)
                .orElseThrow(() -> WorkbenchException.notFound("There is no source with id " + id + "."));
        return new SourceDetails(source.toSummary(), source.getText());
    }

    /**
     * Turns blind mode on or off for sources: in blind mode a reviewer sees colleagues' annotations
     * only after submitting. Pass every source id to set it for the whole corpus.
     */
    @PreAuthorize(Roles.SUPERVISES)
    public List<SourceSummary> setBlind(Collection<Long> ids, boolean blind) {
        return ids.stream().map(id -> {
            Source source = sources.findById(id)
                    .orElseThrow(() -> WorkbenchException.notFound("There is no source with id " + id + "."));
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

    /** Every state of a source's metadata (the text never changes), with who changed it, when and why. */
    @Transactional(readOnly = true)
    public List<EntityHistory.Revision<SourceSummary>> revisions(long id) {
        var revisions = history.of(Source.class, id, Source::toSummary);
        if (revisions.isEmpty()) {
            throw WorkbenchException.notFound("There is no source with id " + id + ".");
        }
        return revisions;
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

    /** The source whose text has this SHA-256, if the library holds it. */
    @Transactional(readOnly = true)
    public Optional<SourceSummary> findByHash(String sha256) {
        return sha256 == null ? Optional.empty()
                : sources.findBySha256(sha256.strip().toLowerCase()).map(Source::toSummary);
    }

    /** Imports one file (.txt, .md, .html); an identical text already held is reported, not stored again. */
    public ImportOutcome importFile(String fileName, byte[] content) {
        checkSize(SourceParser.baseName(fileName), content.length);
        return store(SourceParser.parseFile(fileName, content));
    }

    /**
     * Imports several files as one unit: if any file is refused, none is stored and the error
     * names the file. Files identical to a source already held are reported as duplicates.
     */
    public List<ImportOutcome> importFiles(List<NamedContent> files) {
        if (files.isEmpty()) {
            throw WorkbenchException.badInput("No files were sent.");
        }
        List<SourceDraft> drafts = new ArrayList<>();
        for (NamedContent file : files) {
            checkSize(SourceParser.baseName(file.name()), file.content().length);
            drafts.add(SourceParser.parseFile(file.name(), file.content()));
        }
        return drafts.stream().map(this::store).toList();
    }

    /** Imports a text given as fields, as the JSON API does. */
    public ImportOutcome importText(String title, String text, String publisher, String url, String published,
                                    String author) {
        if (text != null) {
            checkSize("the text", text.getBytes(StandardCharsets.UTF_8).length);
        }
        return store(SourceParser.fromFields(title, text, publisher, url, published, author));
    }

    /**
     * Imports a source as an exchanged corpus describes it: every metadata field, checked as the
     * JSON API checks its fields. The text must already be in the workbench's form (NFC, LF line
     * ends), since the corpus's offsets count in it; an identical text already held is reported.
     */
    @PreAuthorize(Roles.OVERSEES)
    public ImportOutcome importRecord(SourceDraft record) {
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
        return store(new SourceDraft(checked.title(), checked.publisher(), checked.author(), checked.url(),
                checked.published(), record.retrieved(), SourceParser.limit("language", record.language()),
                SourceParser.limit("originFileName", record.originFileName()), checked.text()));
    }

    private ImportOutcome store(SourceDraft draft) {
        String hash = SourceText.sha256(draft.text());
        var existing = sources.findBySha256(hash);
        if (existing.isPresent()) {
            return new ImportOutcome(draft.originFileName(), ImportOutcome.Status.DUPLICATE,
                    existing.get().toSummary());
        }
        String actor = currentActor.require();
        Source source;
        try {
            source = sources.saveAndFlush(new Source(draft, actor, clock.instant()));
        } catch (DataIntegrityViolationException refused) {
            if (refused.getMessage() != null && refused.getMessage().toLowerCase().contains("uk_source_sha256")) {
                // Another import of the same text committed between our check and our insert.
                throw new WorkbenchException(WorkbenchException.Kind.DUPLICATE,
                        "An identical text was imported at the same moment; it is in the library once.");
            }
            throw refused;
        }
        SourceSummary summary = source.toSummary();
        events.publishEvent(Change.created("source.imported", "Source", summary.id(), summary.id(), summary));
        return new ImportOutcome(draft.originFileName(), ImportOutcome.Status.IMPORTED, summary);
    }

    private void checkSize(String name, long bytes) {
        if (bytes > maxFileBytes) {
            throw WorkbenchException.tooLarge("'" + name + "' is " + bytes / 1024 + " KiB; this workbench accepts "
                    + "sources up to " + maxFileBytes / 1024 + " KiB.");
        }
    }

    /** A file's name and bytes, as received. */
    public record NamedContent(String name, byte[] content) {}
}
