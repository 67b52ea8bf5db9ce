package org.corroborate.exchange;

import static org.corroborate.base.SpreadsheetSafe.cell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corroborate.base.Provenance;
import org.springframework.stereotype.Component;

/**
 * CSV for spreadsheets: one row per span with its source's title and hash, offsets in code points,
 * attributes and verdicts as small JSON objects. Cells a spreadsheet would run as a formula get a
 * leading apostrophe.
 */
@Component
class CsvFormat implements ExportFormat {

    private static final String[] HEADER = {"source_id", "source_title", "source_sha256", "span_id", "start", "end",
            "label", "text", "author", "created", "modified", "attributes", "note", "assessments", "gold_decision",
            "imported"};

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
        return "One row per span for spreadsheets, with the source's title and hash; safe against formulas.";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        OutputStream out = archive.file("corpus.csv");
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get()
                .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return new SourceWriter() {
            @Override
            public void write(ExportedSource source) throws IOException {
                for (ExportedSpan span : source.spans()) {
                    printer.printRecord(source.source().id(), cell(source.source().title()), source.source().sha256(),
                            span.id(), span.start(), span.end(), span.label(), cell(span.text()), cell(span.author()),
                            span.created(), span.modified(), cell(json.writeValueAsString(span.attributes())),
                            cell(span.note()), cell(json.writeValueAsString(span.assessments())),
                            span.gold() == null ? null : span.gold().decisionId(), cell(imported(span.imported())));
                }
            }

            @Override
            public void finish() throws IOException {
                printer.flush();
            }
        };
    }
}
