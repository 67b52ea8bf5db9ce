package org.corroborate.annotation.version;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.NewVersion;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceVersionDetails;
import org.corroborate.source.SourceVersionSummary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** A source's versions over HTTP: revise its text (re-anchoring the work on it), list and read versions. */
@RestController
@RequestMapping("/api/sources/{id}/versions")
@Tag(name = "Sources", description = "Import and read source texts")
class SourceVersionController {

    private final SourceService sources;
    private final SourceRevisionService revisions;

    SourceVersionController(SourceService sources, SourceRevisionService revisions) {
        this.sources = sources;
        this.revisions = revisions;
    }

    @GetMapping
    @Operation(summary = "Every version of a source, first to current, without texts")
    List<SourceVersionSummary> list(@PathVariable long id) {
        return sources.versions(id);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One version of a source with its text (earlier versions stay readable)")
    SourceVersionDetails get(@PathVariable long id, @PathVariable int number) {
        return sources.version(id, number);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: a revised text as the next version ({text, basedOn, note}); re-anchors the "
            + "annotations and reports each moved, changed or orphaned")
    ResponseEntity<RevisionReport> reviseText(@PathVariable long id, @RequestBody NewVersionRequest request) {
        NewVersion revised = sources.versionFromText(request.text());
        return created(id, revisions.revise(id, request.basedOn(), revised, request.note()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Supervisor: a revised file (one part, any name; form fields basedOn and note) as the "
            + "next version; re-anchors the annotations and reports each moved, changed or orphaned")
    ResponseEntity<RevisionReport> reviseFile(@PathVariable long id, MultipartHttpServletRequest request,
                                              @RequestParam(required = false) Integer basedOn,
                                              @RequestParam(required = false) String note) {
        List<MultipartFile> parts = request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
        if (parts.size() != 1) {
            throw WorkbenchException.badInput("Send exactly one file as the new version (got " + parts.size() + ").");
        }
        MultipartFile file = parts.getFirst();
        if (file.getSize() > sources.maxFileBytes()) {
            throw WorkbenchException.tooLarge("The file is " + file.getSize() / 1024 + " KiB; this workbench accepts "
                    + "sources up to " + sources.maxFileBytes() / 1024 + " KiB.");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
        NewVersion revised = sources.versionFromFile(file.getOriginalFilename(), content);
        return created(id, revisions.revise(id, basedOn, revised, note));
    }

    private static ResponseEntity<RevisionReport> created(long id, RevisionReport report) {
        return ResponseEntity.created(URI.create("/api/sources/" + id + "/versions/" + report.version().number()))
                .body(report);
    }

    /** A revised text: {@code basedOn} is the number of the version it revises, {@code note} says why. */
    record NewVersionRequest(String text, Integer basedOn, String note) {}
}
