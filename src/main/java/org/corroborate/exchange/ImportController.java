package org.corroborate.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.corroborate.project.ProjectService;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * A labelled corpus in: the request body is the file (a zip, or a single .jsonl or .jsonld), sent
 * as it is ({@code curl -H 'Content-Type: application/zip' --data-binary @corpus.zip}) or as the
 * file part of a multipart form ({@code curl -F file=@corpus.zip}).
 */
@RestController
@Tag(name = "Import")
class ImportController {

    private final ImportService imports;
    private final ProjectService projects;

    ImportController(ImportService imports, ProjectService projects) {
        this.imports = imports;
        this.projects = projects;
    }

    /** A form-encoded body would be parsed as form fields, and its bytes lost: such a request gets 415. */
    @PostMapping(value = "/api/import", consumes = "!application/x-www-form-urlencoded")
    @ResponseStatus(HttpStatus.OK)
    @Parameter(name = "file", in = ParameterIn.QUERY, description = "the upload's name, for messages, the report "
            + "and the audit trail")
    @Operation(summary = "Import a corpus: format=an id from GET /api/import/formats, file=NAME (for messages), "
            + "dryRun=true to only check",
            description = "All or nothing: a malformed file is refused naming file and line, and nothing changes. "
                    + "Sources are matched by the SHA-256 of their text; conflicts are reported, the workbench's "
                    + "version kept. Supervisors and administrators only.")
    @Parameter(name = "author", in = ParameterIn.QUERY, description = "the account (a reviewer or supervisor of the "
            + "project) whose work spans are that the file names no author for, such as plain doccano lines; default "
            + "the caller, if they annotate in the project")
    ImportReport importCorpus(@RequestParam String format, @RequestParam(defaultValue = "false") boolean dryRun,
                              @RequestParam(required = false) Long project, HttpServletRequest request)
            throws IOException {
        // Read by hand: bound as a parameter, 'file' would also take a multipart part named file.
        String file = request.getParameter("file");
        String author = request.getParameter("author");
        // Refused before the body is read into memory; the service checks again.
        long projectId = projects.resolve(project);
        projects.requireOverseer(projectId, "import a corpus");
        if (request.getContentLengthLong() > imports.maxImportBytes() + 64 * 1024) {
            throw imports.tooLarge();
        }
        // One import at a time, whichever door it comes through: the service holds the gate.
        return importCorpus(projectId, format, dryRun, request, file, author);
    }

    private ImportReport importCorpus(long projectId, String format, boolean dryRun, HttpServletRequest request,
                                      String file, String author) throws IOException {
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            // curl -F file=@corpus.zip: the first file part is the upload.
            var part = multipart.getFileMap().values().stream().findFirst().orElseThrow(() ->
                    WorkbenchException.badInput("The multipart request holds no file part."));
            if (part.getSize() > imports.maxImportBytes()) {
                throw imports.tooLarge();
            }
            try (InputStream in = part.getInputStream()) {
                return imports.importCorpus(projectId, format, file != null ? file : part.getOriginalFilename(), in, dryRun,
                        author);
            }
        }
        return imports.importCorpus(projectId, format, file, request.getInputStream(), dryRun, author);
    }

    @GetMapping("/api/import/formats")
    @Operation(summary = "The formats a corpus can be imported from: id, title, description and the file types "
            + "an upload in each may be")
    List<FormatView> formats() {
        return imports.formats().stream()
                .map(f -> new FormatView(f.id(), f.title(), f.description(), f.fileTypes())).toList();
    }

    record FormatView(String id, String title, String description, List<String> fileTypes) {}
}
