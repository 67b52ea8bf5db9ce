package org.corroborate.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The labelled corpus as a streamed zip download, with its manifest. */
@RestController
@Tag(name = "Export")
class ExportController {

    private final ExportService exports;
    private final Clock clock;

    ExportController(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/api/export")
    @Operation(summary = "Stream the corpus as a zip of the format's files and manifest.json",
            description = "format=an id from GET /api/export/formats (default jsonl); layer=all|gold|reviewer:NAME; "
                    + "source=ID, label=LABEL and "
                    + "status=NOT_STARTED|IN_PROGRESS|SUBMITTED are repeatable filters; project=ID (optional when you "
                    + "work in one project or name sources). Offsets are code points.")
    void export(@RequestParam(defaultValue = "jsonl") String format, @RequestParam(required = false) String layer,
                @RequestParam(name = "source", required = false) List<Long> sources,
                @RequestParam(name = "label", required = false) List<String> labels,
                @RequestParam(name = "status", required = false) List<String> statuses,
                @RequestParam(required = false) Long project,
                HttpServletResponse response) throws IOException {
        ExportRequest request = exports.request(exports.projectOf(project, sources), format, layer, sources, labels,
                statuses);
        // Built whole first: a failure is an error response (and an audit event), never a broken 200.
        String name = request.fileName(clock.instant());
        try (ExportService.Built built = exports.build(request, ExportService.Progress.NONE)) {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
            response.setContentLengthLong(built.zip().size());
            built.zip().transferTo(response.getOutputStream());
        }
    }

    /**
     * An export that broke off while it was built: 500 with the reason (WorkbenchException keeps its
     * own status through the shared handler). It is already logged and audited as
     * {@code corpus.export-failed}.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(ExportFailure.class)
    org.springframework.http.ResponseEntity<org.corroborate.base.ApiError> failed(ExportFailure e) {
        return org.springframework.http.ResponseEntity.status(500).body(new org.corroborate.base.ApiError(
                "export_failed", e.getMessage(), java.util.Map.of()));
    }

    @GetMapping("/api/export/formats")
    @Operation(summary = "The formats the corpus can be exported in: id, title, description")
    List<FormatView> formats() {
        return exports.formats().stream().map(f -> new FormatView(f.id(), f.title(), f.description())).toList();
    }

    record FormatView(String id, String title, String description) {}
}
