package org.corroborate.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The labelled corpus as a streamed download. */
@RestController
@Tag(name = "Export")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/export")
    @Operation(summary = "Stream the corpus: format=jsonl|csv, layer=all|gold|reviewer:NAME, source=ID (repeatable)")
    void export(@RequestParam(defaultValue = "jsonl") String format, @RequestParam(required = false) String layer,
                @RequestParam(name = "source", required = false) List<Long> sources, HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = exports.format(format);
        Layer parsed = Layer.parse(layer);
        response.setContentType(chosen.contentType() + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"corpus-" + parsed.toString().replace(':', '-')
                + "." + chosen.fileExtension() + "\"");
        exports.export(chosen, parsed, sources, response.getOutputStream());
    }
}
