package org.corroborate.exchange;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines, doccano-compatible: one source per line with {@code text} and
 * {@code label: [[start, end, LABEL], ...]} (code points), plus the workbench's own fields: the
 * source's metadata and hash, and every span with its id, author, attributes, note, verdicts and
 * gold decision.
 */
@Component
class JsonLinesFormat implements ExportFormat {

    private final JsonMapper json;

    JsonLinesFormat(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public String title() {
        return "JSON Lines (doccano)";
    }

    @Override
    public String description() {
        return "One source per line with its text and [start, end, label] spans, as doccano reads them, "
                + "plus every span's author, attributes, verdicts and the supervisor's decisions.";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws java.io.IOException {
        OutputStream out = new java.io.BufferedOutputStream(archive.file("corpus.jsonl"), 1 << 16);
        return new SourceWriter() {
            @Override
            public void write(ExportedSource source) throws java.io.IOException {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", source.source().id());
                line.put("text", source.text());
                line.put("label", source.spans().stream().map(s -> List.of(s.start(), s.end(), s.label())).toList());
                line.put("source", source.source());
                line.put("spans", source.spans());
                if (source.decisions() != null) {
                    line.put("decisions", source.decisions());
                }
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            }

            @Override
            public void finish() throws java.io.IOException {
                out.flush();
            }
        };
    }
}
