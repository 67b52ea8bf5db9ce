package org.corroborate.source;

import org.corroborate.project.ProjectService;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.corroborate.base.ApiError;
import org.corroborate.base.WorkbenchException;
import org.corroborate.base.WorkbenchProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The source library over HTTP. Lengths count Unicode code points. */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "Sources", description = "Import and read source texts")
class SourceController {

    private final SourceService sources;
    private final long maxFileBytes;
    private final long maxImportBytes;

    private final ProjectService projects;

    SourceController(SourceService sources, WorkbenchProperties properties, ProjectService projects) {
        this.sources = sources;
        this.projects = projects;
        this.maxFileBytes = properties.sources().maxFileSize().toBytes();
        this.maxImportBytes = properties.sources().maxImportSize().toBytes();
    }

    @GetMapping
    @Operation(summary = "List the sources of your projects (or of ?project=ID) with metadata, SHA-256 and length in code points")
    List<SourceSummary> list(@RequestParam(required = false) Long project) {
        return project == null ? sources.list() : sources.list(project);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A source's metadata and normalised text")
    SourceDetails get(@PathVariable long id) {
        return sources.get(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a text given as JSON; 409 if an identical text is already held")
    ResponseEntity<?> importText(@RequestBody NewSourceRequest request,
                                 @RequestParam(name = "project", required = false) Long projectParameter) {
        if (projectParameter != null && request.project() != null && !projectParameter.equals(request.project())) {
            throw WorkbenchException.badInput("The query names project " + projectParameter + " and the body project "
                    + request.project() + "; name one.");
        }
        Long project = request.project() != null ? request.project() : projectParameter;
        ImportOutcome outcome = sources.importText(projects.resolve(project), request.title(), request.text(), request.publisher(),
                request.url(), request.published(), request.author());
        if (outcome.status() == ImportOutcome.Status.DUPLICATE) {
            return duplicate("An identical text is already in the library as source " + outcome.source().id() + ".",
                    Map.of("existing", outcome.source()));
        }
        return ResponseEntity.created(URI.create("/api/sources/" + outcome.source().id())).body(outcome.source());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import .txt, .md, .html, .pdf, .docx, .odt, .rtf and .eml files (any part name); all or "
            + "none are stored. Optional form fields title, publisher, author, url, published take the place of "
            + "what the files say.")
    ResponseEntity<?> importFiles(MultipartHttpServletRequest request,
                                  @RequestParam(required = false) Long project,
                                  @RequestParam(required = false) String title,
                                  @RequestParam(required = false) String publisher,
                                  @RequestParam(required = false) String author,
                                  @RequestParam(required = false) String url,
                                  @RequestParam(required = false) String published) {
        long projectId = projects.resolve(project);
        List<MultipartFile> parts = request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
        checkSizes(parts);
        List<SourceService.NamedContent> files = parts.stream().map(SourceController::read).toList();
        List<ImportOutcome> outcomes = sources.importFiles(projectId, files,
                new SourceService.GivenFields(title, publisher, author, url, published));
        long imported = outcomes.stream().filter(o -> o.status() == ImportOutcome.Status.IMPORTED).count();
        SourceImportReport report = new SourceImportReport(imported, outcomes.size() - imported, outcomes);
        if (imported == 0) {
            return duplicate("Every file is identical to a source already in the library.",
                    Map.of("results", outcomes));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    @GetMapping("/{id}/original")
    @Operation(summary = "The file the source was imported from, byte for byte, with its media type; its SHA-256 in "
            + "the X-Original-SHA256 header; 404 when it came from no file")
    ResponseEntity<byte[]> original(@PathVariable long id) {
        SourceOriginalFile original = sources.original(id);
        MediaType type;
        try {
            type = MediaType.parseMediaType(original.mediaType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(original.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Original-SHA256", original.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + original.sha256() + "\"")
                .body(original.content());
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct provenance: {version, title?, publisher?, author?, url?, published?, reason?}; "
            + "only the fields sent change (null clears); 409 when the version is stale")
    SourceSummary edit(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Object version = body.get("version");
        if (!(version instanceof Number number) || number.longValue() != number.doubleValue()) {
            throw WorkbenchException.badInput("'version' (the source's version as you read it) is required.");
        }
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        String reason = null;
        for (Map.Entry<String, Object> field : body.entrySet()) {
            if (field.getKey().equals("version")) {
                continue;
            }
            if (field.getValue() != null && !(field.getValue() instanceof String)) {
                throw WorkbenchException.badInput("'" + field.getKey() + "' must be a string or null.");
            }
            if (field.getKey().equals("reason")) {
                reason = (String) field.getValue();
            } else {
                changes.put(field.getKey(), (String) field.getValue());
            }
        }
        if (changes.isEmpty()) {
            throw WorkbenchException.badInput("Nothing to change: send at least one of title, publisher, author, url, "
                    + "published.");
        }
        return sources.editProvenance(id, changes, number.longValue(), reason);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every state of the source's metadata with who, when and why; ?at=ISO-instant gives the state then")
    Object history(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam(required = false)
                   String at) {
        if (at == null || at.isBlank()) {
            return sources.revisions(id);
        }
        try {
            return sources.stateAt(id, Instant.parse(at.strip()));
        } catch (DateTimeParseException e) {
            throw WorkbenchException.badInput("'at' must be an ISO instant such as "
                    + "2026-11-21T10:00:00Z.");
        }
    }

    @PutMapping("/{id}/blind")
    @Operation(summary = "Supervisor: blind mode on or off for a source ({\"blind\": true})")
    SourceSummary blind(@PathVariable long id, @RequestBody BlindRequest request) {
        if (request.blind() == null) {
            throw WorkbenchException.badInput("'blind' (true or false) is required.");
        }
        return sources.setBlind(List.of(id), request.blind()).getFirst();
    }

    /**
     * Refuses an oversized file or import by the sizes the container measured while it stored the
     * parts (on disk beyond a small threshold), before any file is read into memory.
     */
    private void checkSizes(List<MultipartFile> parts) {
        long total = 0;
        for (MultipartFile part : parts) {
            long most = sources.maxFileBytes(part.getOriginalFilename());
            if (part.getSize() > most) {
                throw WorkbenchException.tooLarge("'" + SourceParser.baseName(
                        part.getOriginalFilename()) + "' is " + part.getSize() / 1024 + " KiB; this workbench "
                        + "accepts such files up to " + most / 1024 + " KiB.");
            }
            total += part.getSize();
        }
        if (total > maxImportBytes) {
            throw WorkbenchException.tooLarge("The files add up to " + total / 1024
                    + " KiB; one import takes at most " + maxImportBytes / 1024 + " KiB "
                    + "(workbench.sources.max-import-size): import them in several goes.");
        }
    }

    private static SourceService.NamedContent read(MultipartFile file) {
        try {
            return new SourceService.NamedContent(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }

    private static ResponseEntity<ApiError> duplicate(String message, Map<String, Object> details) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("duplicate", message, details));
    }

    /** Whether a source is in blind mode. */
    record BlindRequest(Boolean blind) {}

    /** A text to import, with optional metadata; {@code published} is an ISO date. */
    record NewSourceRequest(String title, String text, String publisher, String url, String published,
                            String author, Long project) {}

    /** The result of a multi-file import: how many were new, how many already held, and each file's outcome. */
    record SourceImportReport(long imported, long duplicates, List<ImportOutcome> results) {}
}
