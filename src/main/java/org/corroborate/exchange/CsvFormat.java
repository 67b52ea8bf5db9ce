package org.corroborate.exchange;

import static org.corroborate.base.SpreadsheetSafe.cell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corroborate.base.Provenance;
import org.springframework.stereotype.Component;

/**
 * CSV for spreadsheets: one row per span with its source's title and hash, offsets in code points,
 * attributes and verdicts as small JSON objects, and the relations going from the span as a small
 * JSON list ({@code [{"id":"r5","type":"said_by","to":"a13","author":"alice"}]}), and last the page of
 * the original document the span starts on (empty when the source has no pages). Cells a
 * spreadsheet would run as a formula get a leading apostrophe.
 */
@Component
class CsvFormat implements ExportFormat {

    private static final String[] HEADER = {"source_id", "source_title", "source_sha256", "span_id", "start", "end",
            "label", "text", "author", "created", "modified", "attributes", "note", "assessments", "gold_decision",
            "imported", "relations", "page"};

    private final tools.jackson.databind.json.JsonMapper json;

    CsvFormat(tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
    }

    /** Empty for work done in the workbench; else who imported the span, when, and from which file. */
    private static String imported(Provenance imported) {
        return imported == null ? null : "by " + imported.importedBy() + " at " + imported.importedAt() + " from "
                + imported.importFile();
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String title() {
        return "CSV";
    }

    @Override
    public String description() {
        return "One row per span for spreadsheets, with the source's title and hash and the span's relations; safe "
                + "against formulas.";
    }

    @Override
    public String fileOf(long sourceId) {
        return "corpus.csv";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        OutputStream out = archive.file("corpus.csv");
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get()
                .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return new SourceWriter() {
            @Override
            public void write(ExportedSource source) throws IOException {
                Map<String, List<Map<String, String>>> outgoing = new HashMap<>();
                for (ExportedRelation r : source.relations()) {
                    Map<String, String> cell = new LinkedHashMap<>();
                    cell.put("id", r.id());
                    cell.put("type", r.type());
                    cell.put("to", r.to());
                    cell.put("author", r.author());
                    outgoing.computeIfAbsent(r.from(), f -> new ArrayList<>()).add(cell);
                }
                for (ExportedSpan span : source.spans()) {
                    printer.printRecord(source.source().id(), cell(source.source().title()), source.source().sha256(),
                            span.id(), span.start(), span.end(), span.label(), cell(span.text()), cell(span.author()),
                            span.created(), span.modified(), cell(json.writeValueAsString(span.attributes())),
                            cell(span.note()), cell(json.writeValueAsString(span.assessments())),
                            span.gold() == null ? null : span.gold().decisionId(), cell(imported(span.imported())),
                            cell(json.writeValueAsString(outgoing.getOrDefault(span.id(), List.of()))), span.page());
                }
            }

            @Override
            public void finish() throws IOException {
                printer.flush();
            }
        };
    }
}
