package org.corroborate.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.base.CodePoints;
import tools.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection. Each span is an annotation whose target
 * is the source (identified by its SHA-256) with a TextQuoteSelector (exact, prefix, suffix) and a
 * TextPositionSelector (code points); its label, attributes and note are bodies. Colleagues'
 * verdicts are annotations with motivation "assessing" targeting the annotation they judge.
 * Imports read the same shape; the sources must already be in the workbench, since the format
 * names them by hash and does not carry their text.
 */
@Component
class W3cAnnotationFormat implements ExportFormat, ImportFormat {

    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    private static final int CONTEXT_LENGTH = 32;

    private final JsonMapper json;

    W3cAnnotationFormat(JsonMapper json) {
        // Items are read one by one from the collection, so what follows one is not "trailing".
        this.json = json.rebuild().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
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
        a.put("target", Map.of("type", "SpecificResource", "source", "urn:sha256:" + source.source().sha256(),
                "selector", List.of(quote,
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

    static final String ANNOTATION = "urn:corroborate:annotation:";
    static final String ATTRIBUTE = "urn:corroborate:attribute:";
    static final String ACCOUNT = "urn:corroborate:account:";

    @Override
    public List<ImportedSource> read(ImportFiles files) {
        List<String> names = files.documents(".jsonld", ".json").stream()
                .filter(n -> !n.endsWith(ExportArchive.MANIFEST)).toList();
        if (names.isEmpty()) {
            throw org.corroborate.base.WorkbenchException.badInput("The upload holds no .jsonld file; W3C imports "
                    + "read an AnnotationCollection.");
        }
        Map<String, SourceSpans> bySource = new LinkedHashMap<>();
        Map<String, Map<String, String>> verdicts = new java.util.HashMap<>();
        for (String name : names) {
            items(name, files.text(name), (item, line) -> item(name, line, item, bySource, verdicts));
        }
        List<ImportedSource> sources = new ArrayList<>();
        bySource.forEach((hash, found) -> sources.add(new ImportedSource(found.file, found.line, null, hash,
                found.spans.stream().map(span -> new ImportedSource.Span(span.ref(), span.file(), span.line(),
                        span.annotation(), span.quote(), verdicts.getOrDefault(span.ref(), Map.of()))).toList(),
                List.of(), found.ignored)));
        return sources;
    }

    private static final class SourceSpans {
        final String file;
        final int line;
        final List<ImportedSource.Span> spans = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        SourceSpans(String file, int line) {
            this.file = file;
            this.line = line;
        }
    }

    /** Walks the items of a collection (or a bare array, or one annotation), each with the line it starts on. */
    private void items(String file, String content, java.util.function.ObjIntConsumer<JsonNode> consumer) {
        try (tools.jackson.core.JsonParser parser = json.createParser(content)) {
            tools.jackson.core.JsonToken first = parser.nextToken();
            if (first == tools.jackson.core.JsonToken.START_ARRAY) {
                eachInArray(parser, consumer);
            } else if (first == tools.jackson.core.JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                boolean collection = false;
                Map<String, JsonNode> rest = new LinkedHashMap<>();
                while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("items")) {
                        collection = true;
                        if (parser.currentToken() != tools.jackson.core.JsonToken.START_ARRAY) {
                            throw ImportFiles.malformed(file, parser.currentTokenLocation().getLineNr(),
                                    "'items' must be an array of annotations.");
                        }
                        eachInArray(parser, consumer);
                    } else {
                        rest.put(field, json.readTree(parser));
                    }
                }
                if (!collection) {
                    consumer.accept(json.valueToTree(rest), line);
                }
            } else {
                throw ImportFiles.malformed(file, 1, "expected an AnnotationCollection, an array or an annotation.");
            }
        } catch (tools.jackson.core.JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ImportFiles.malformed(file, line, "not JSON (" + e.getOriginalMessage() + "); is the file complete?");
        }
    }

    private void eachInArray(tools.jackson.core.JsonParser parser, java.util.function.ObjIntConsumer<JsonNode> consumer) {
        while (parser.nextToken() != tools.jackson.core.JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            consumer.accept(json.readTree(parser), line);
        }
    }

    private static void item(String file, int line, JsonNode item, Map<String, SourceSpans> bySource,
                             Map<String, Map<String, String>> verdicts) {
        JsonFields fields = new JsonFields(file, line);
        if (!item.isObject()) {
            throw fields.wrong("each item must be an annotation object.");
        }
        String motivation = item.path("motivation").asString("");
        if (motivation.equals("assessing")) {
            String target = item.path("target").isString() ? item.get("target").asString()
                    : item.path("target").path("id").asString("");
            String verdict = first(item.get("body")).path("value").asString("");
            verdicts.computeIfAbsent(stripPrefix(target, ANNOTATION), t -> new LinkedHashMap<>())
                    .put(person(fields, item.get("creator")), verdict);
            return;
        }
        JsonNode target = first(item.get("target"));
        String source = target.isString() ? target.asString() : target.path("source").isObject()
                ? target.path("source").path("id").asString("") : target.path("source").asString("");
        if (!source.startsWith("urn:sha256:")) {
            throw fields.wrong("the target's source must be urn:sha256:HASH, the hash of the source's text.");
        }
        JsonNode position = null;
        String quote = null;
        for (JsonNode selector : array(target.get("selector"))) {
            String type = selector.path("type").asString("");
            if (type.equals("TextPositionSelector")) {
                position = selector;
            } else if (type.equals("TextQuoteSelector")) {
                quote = fields.text(selector, "exact", true);
            }
        }
        if (position == null) {
            throw fields.wrong("the target has no TextPositionSelector; the workbench places spans by position.");
        }
        SourceSpans spans = bySource.computeIfAbsent(source.substring("urn:sha256:".length()),
                h -> new SourceSpans(file, line));
        String label = null;
        String note = null;
        Map<String, String> attributes = new java.util.TreeMap<>();
        for (JsonNode body : array(item.get("body"))) {
            String purpose = body.path("purpose").asString("");
            String value = body.path("value").asString(null);
            if (value == null) {
                spans.ignored.add(file + ", line " + line + ": a body without a textual value.");
            } else if (purpose.equals("tagging") && label == null) {
                label = value;
            } else if (purpose.equals("describing") && body.path("id").asString("").startsWith(ATTRIBUTE)) {
                attributes.put(body.get("id").asString().substring(ATTRIBUTE.length()), value);
            } else if (purpose.equals("commenting") && note == null) {
                note = value;
            } else {
                spans.ignored.add(file + ", line " + line + ": a body with purpose '" + purpose + "' ("
                        + value.substring(0, Math.min(40, value.length())) + ").");
            }
        }
        if (label == null) {
            throw fields.wrong("the annotation has no body with purpose 'tagging': its label is missing.");
        }
        spans.spans.add(new ImportedSource.Span(stripPrefix(item.path("id").asString(""), ANNOTATION), file, line,
                new org.corroborate.annotation.ImportedAnnotation(person(fields, item.get("creator")),
                        fields.integer(position, "start"), fields.integer(position, "end"), label, attributes, note,
                        fields.instant(item, "created"), fields.instant(item, "modified")), quote, Map.of()));
    }

    /** A creator's name: its nickname, or the name in a urn:corroborate:account: id; null when there is none. */
    private static String person(JsonFields fields, JsonNode creator) {
        JsonNode who = first(creator);
        if (who == null || who.isMissingNode() || who.isNull()) {
            return null;
        }
        if (who.isString()) {
            return stripPrefix(who.asString(), ACCOUNT);
        }
        String nickname = who.path("nickname").asString(null);
        return nickname != null ? nickname : who.has("id") ? stripPrefix(who.get("id").asString(), ACCOUNT)
                : fields.text(who, "name", false);
    }

    private static JsonNode first(JsonNode node) {
        return node != null && node.isArray() ? node.path(0) : node == null ? tools.jackson.databind.node.MissingNode
                .getInstance() : node;
    }

    private static List<JsonNode> array(JsonNode node) {
        List<JsonNode> result = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return result;
        }
        if (node.isArray()) {
            node.forEach(result::add);
        } else {
            result.add(node);
        }
        return result;
    }

    private static String stripPrefix(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
