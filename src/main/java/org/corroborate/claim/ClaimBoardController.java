package org.corroborate.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The claims board over HTTP: claims by sources as JSON and as CSV, with the board's filters. */
@RestController
@RequestMapping("/api/claims")
@Tag(name = "Claims", description = "Claims linked across sources")
class ClaimBoardController {

    private final ClaimBoard board;
    private final ProjectService projects;

    ClaimBoardController(ClaimBoard board, ProjectService projects) {
        this.board = board;
        this.projects = projects;
    }

    @GetMapping("/board")
    @Operation(summary = "Claims by sources (by published date): each cell's stance, contradictions and drift "
            + "first; filters text, source, stance, contradictions, drift")
    ClaimBoard.Board board(@RequestParam(required = false) Long project, @RequestParam(required = false) String text,
                           @RequestParam(required = false) Long source, @RequestParam(required = false) String stance,
                           @RequestParam(defaultValue = "false") boolean contradictions,
                           @RequestParam(defaultValue = "false") boolean drift) {
        return board.board(projects.resolve(project), filter(text, source, stance, contradictions, drift));
    }

    @GetMapping("/board.csv")
    @Operation(summary = "The board as CSV (one column per source), with the same filters")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long project, @RequestParam(required = false) String text,
                               @RequestParam(required = false) Long source, @RequestParam(required = false) String stance,
                               @RequestParam(defaultValue = "false") boolean contradictions,
                               @RequestParam(defaultValue = "false") boolean drift) {
        long projectId = projects.resolve(project);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            board.writeCsv(projectId, filter(text, source, stance, contradictions, drift), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"claims-board-" + projectId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(bytes.toByteArray());
    }

    /** The filter from query parameters; 400 naming the stances on an unknown one. */
    static ClaimBoard.Filter filter(String text, Long source, String stance, boolean contradictions, boolean drift) {
        Stance chosen = null;
        if (stance != null && !stance.isBlank()) {
            try {
                chosen = Stance.valueOf(stance.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw WorkbenchException.badInput("Unknown stance '" + stance + "': use SUPPORTS, CONTRADICTS or QUALIFIES.");
            }
        }
        return new ClaimBoard.Filter(text, source, chosen, contradictions, drift);
    }
}
