package org.corroborate.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.base.CodePoints;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection. Each span is an annotation whose target
 * is the source (identified by its SHA-256) with a TextQuoteSelector (exact, prefix, suffix) and a
 * TextPositionSelector (code points); its label, attributes and note are bodies. Colleagues'
 * verdicts are annotations with motivation "assessing" targeting the annotation they judge.
 */
@Component
class W3cAnnotationFormat implements ExportFormat {

    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    private static final int CONTEXT_LENGTH = 32;

    private final JsonMapper json;

    W3cAnnotationFormat(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String id() {
        return "w3c";
    }

    @Override
    public String title() {
        return "W3C Web Annotation (JSON-LD)";
    }

    @Override
    public String description() {
        return "An AnnotationCollection: each span with quote and position selectors on the source's hash, "
                + "verdicts as assessing annotations; for Hypothesis-style and linked-data tools.";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        OutputStream out = new java.io.BufferedOutputStream(archive.file("corpus.jsonld"), 1 << 16);
        out.write(("{\"@context\":\"" + CONTEXT + "\",\"type\":\"AnnotationCollection\","
                + "\"label\":\"Corroborate corpus\",\"generator\":{\"id\":\"urn:corroborate:workbench\","
                + "\"type\":\"Software\",\"name\":\"Corroborate\"},\"items\":[").getBytes(StandardCharsets.UTF_8));
        return new SourceWriter() {
            private boolean first = true;

            @Override
            public void write(ExportedSource source) throws IOException {
                CodePoints text = new CodePoints(source.text());
                for (ExportedSpan span : source.spans()) {
                    item(annotation(source, text, span));
                    for (var verdict : span.assessments().entrySet()) {
                        item(assessing(span, verdict.getKey(), verdict.getValue()));
                    }
                }
            }

            private void item(Map<String, Object> item) throws IOException {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(json.writeValueAsBytes(item));
            }

            @Override
            public void finish() throws IOException {
                out.write("]}".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    private static Map<String, Object> annotation(ExportedSource source, CodePoints text, ExportedSpan span) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "urn:corroborate:annotation:" + span.id());
        a.put("type", "Annotation");
        a.put("motivation", "tagging");
        a.put("creator", Map.of("id", "urn:corroborate:account:" + span.author(), "type", "Person",
                "nickname", span.author()));
        a.put("created", span.created().toString());
        a.put("modified", span.modified().toString());
        a.put("generator", "urn:corroborate:workbench");
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(Map.of("type", "TextualBody", "purpose", "tagging", "value", span.label()));
        span.attributes().forEach((name, value) -> bodies.add(Map.of("type", "TextualBody", "purpose", "describing",
                "value", value, "id", "urn:corroborate:attribute:" + name)));
        if (span.note() != null) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "commenting", "value", span.note()));
        }
        a.put("body", bodies);
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", text.substring(span.start(), span.end()));
        quote.put("prefix", text.substring(Math.max(0, span.start() - CONTEXT_LENGTH), span.start()));
        quote.put("suffix", text.substring(span.end(), Math.min(text.length(), span.end() + CONTEXT_LENGTH)));
        a.put("target", Map.of("source", "urn:sha256:" + source.source().sha256(), "selector", List.of(quote,
                Map.of("type", "TextPositionSelector", "start", span.start(), "end", span.end()))));
        return a;
    }

    private static Map<String, Object> assessing(ExportedSpan span, String reviewer, String verdict) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "urn:corroborate:assessment:" + span.id() + ":" + reviewer);
        a.put("type", "Annotation");
        a.put("motivation", "assessing");
        a.put("creator", Map.of("id", "urn:corroborate:account:" + reviewer, "type", "Person", "nickname", reviewer));
        a.put("body", Map.of("type", "TextualBody", "purpose", "assessing", "value", verdict));
        a.put("target", "urn:corroborate:annotation:" + span.id());
        return a;
    }
}
