package org.corroborate.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.corroborate.base.WorkbenchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A labelled corpus in: the request body is the file (a zip, or a single .jsonl or .jsonld), sent
 * as it is ({@code curl --data-binary @corpus.zip}).
 */
@RestController
@Tag(name = "Import")
class ImportController {

    private final ImportService imports;
    private final org.corroborate.base.CurrentActor actor;

    ImportController(ImportService imports, org.corroborate.base.CurrentActor actor) {
        this.imports = imports;
        this.actor = actor;
    }

    @PostMapping("/api/import")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Import a corpus: format=jsonl|brat|w3c, file=NAME (for messages), dryRun=true to only check",
            description = "All or nothing: a malformed file is refused naming file and line, and nothing changes. "
                    + "Sources are matched by the SHA-256 of their text; conflicts are reported, the workbench's "
                    + "version kept. Supervisors and administrators only.")
    ImportReport importCorpus(@RequestParam String format, @RequestParam(required = false) String file,
                              @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request)
            throws IOException {
        // Refused before the body is read into memory; the service checks again.
        if (!actor.hasRole("SUPERVISOR") && !actor.hasRole("ADMIN")) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only supervisors and administrators import corpora.");
        }
        byte[] content = body(request.getInputStream(), imports.maxImportBytes());
        if (content.length == 0 && request.getContentType() != null
                && request.getContentType().startsWith("application/x-www-form-urlencoded")) {
            throw WorkbenchException.badInput("The body was sent as a form; send the file itself, with "
                    + "Content-Type application/zip or application/octet-stream (curl -H ... --data-binary @FILE).");
        }
        return imports.importCorpus(format, file, content, dryRun);
    }

    /** Reads the body up to the limit, refusing beyond it without reading the rest into memory. */
    private static byte[] body(InputStream in, long max) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (content.length > max) {
            throw WorkbenchException.tooLarge("The upload is larger than this workbench imports at once ("
                    + max / (1024 * 1024) + " MiB); split the corpus or raise workbench.exchange.max-import-size.");
        }
        return content;
    }
}
