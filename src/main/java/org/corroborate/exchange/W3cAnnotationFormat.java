package org.corroborate.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.base.CodePoints;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection. Each span is an annotation whose target
 * is the source (identified by its SHA-256) with a TextQuoteSelector (exact, prefix, suffix) and a
 * TextPositionSelector (code points), and for a source read from a PDF a FragmentSelector naming the
 * page (RFC 3778 {@code page=N}) refined by the quote; its label, attributes and note are bodies. Colleagues'
 * verdicts are annotations with motivation "assessing" targeting the annotation they judge.
 * Imports read the same shape; the sources must already be in the workbench, since the format
 * names them by hash and does not carry their text.
 */
@Component
class W3cAnnotationFormat implements ExportFormat, ImportFormat {

    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    static final String ANNOTATION = "urn:corroborate:annotation:";
    static final String DECISION = "urn:corroborate:decision:";
    static final String RELATION = "urn:corroborate:relation:";
    static final String CLAIM = "urn:corroborate:claim:";
    /** Body ids are the annotation's id with these suffixes, so each body is a node of its own. */
    static final String ATTRIBUTE = "/attribute/";
    static final String ACCOUNT = "urn:corroborate:account:";
    static final String REASON = "/reason";
    static final String NOTE = "/note";
    private static final int CONTEXT_LENGTH = 32;
    /** The PDF fragment identifiers (page=N) a FragmentSelector conforms to, as the W3C model names them. */
    static final String RFC_3778 = "http://tools.ietf.org/rfc/rfc3778";

    private final JsonMapper json;

    W3cAnnotationFormat(JsonMapper json) {
        // Items are read one by one from the collection, so what follows one is not "trailing".
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
                + "verdicts as assessing and relations as linking annotations; for Hypothesis-style and linked-data "
                + "tools.";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(".zip", ".jsonld", ".json");
    }

    @Override
    public String fileOf(long sourceId) {
        return "corpus.jsonld";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        OutputStream out = new BufferedOutputStream(archive.file("corpus.jsonld"), 1 << 16);
        // The model's form: the collection (id, label, total) and its one AnnotationPage under 'first',
        // which holds the items. 'total' is written last, once known (JSON keys have no order). The page
        // has no 'partOf': it sits inside its collection, and the W3C test suite's schemas take a
        // partOf that is the collection's IRI for an invalid description of it.
        String id = "urn:corroborate:export:" + archive.id();
        out.write(("{\"@context\":\"" + CONTEXT + "\",\"id\":\"" + id + "\",\"type\":\"AnnotationCollection\","
                + "\"label\":\"Corroborate corpus\",\"generator\":{\"id\":\"urn:corroborate:workbench\","
                + "\"type\":\"Software\",\"name\":\"Corroborate\"},\"first\":{\"id\":\"" + id + ":page:1\","
                + "\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[")
                .getBytes(StandardCharsets.UTF_8));
        return new SourceWriter() {
            private boolean first = true;
            private long total;

            @Override
            public void write(ExportedSource source) throws IOException {
                CodePoints text = new CodePoints(source.text());
                for (ExportedSpan span : source.spans()) {
                    item(annotation(source, text, span));
                    for (var verdict : new TreeMap<>(span.assessments()).entrySet()) {
                        item(assessing(span, verdict.getKey(), verdict.getValue()));
                    }
                }
                for (ExportedDecision decision : source.decisions() == null ? List.<ExportedDecision>of()
                        : source.decisions()) {
                    item(decision(source, text, decision));
                }
                for (ExportedRelation relation : source.relations()) {
                    item(linking(relation));
                }
            }

            @Override
            public void claims(List<ExportedClaim> claims) throws IOException {
                for (ExportedClaim claim : claims) {
                    for (Map<String, Object> item : W3cClaims.items(claim)) {
                        item(item);
                    }
                }
            }

            private void item(Map<String, Object> item) throws IOException {
                if (!first) {
                    out.write(',');
                }
                out.write('\n'); // one item per line, so a reader's messages can name the line
                first = false;
                total++;
                out.write(json.writeValueAsBytes(item));
            }

            @Override
            public void finish() throws IOException {
                out.write(("\n]},\"total\":" + total + "}\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    private static Map<String, Object> annotation(ExportedSource source, CodePoints text, ExportedSpan span) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", ANNOTATION + span.id());
        a.put("type", "Annotation");
        a.put("motivation", "tagging");
        a.put("creator", ordered("id", ACCOUNT + span.author(), "type", "Person",
                "nickname", span.author()));
        a.put("created", span.created().toString());
        a.put("modified", span.modified().toString());
        a.put("generator", "urn:corroborate:workbench");
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(ordered("type", "TextualBody", "purpose", "tagging", "value", span.label()));
        span.attributes().forEach((name, value) -> bodies.add(ordered("type", "TextualBody", "purpose", "describing",
                "value", value, "id", ANNOTATION + span.id() + ATTRIBUTE + name)));
        if (span.note() != null) {
            bodies.add(ordered("type", "TextualBody", "purpose", "commenting", "value", span.note()));
        }
        a.put("body", bodies);
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", text.substring(span.start(), span.end()));
        quote.put("prefix", text.substring(Math.max(0, span.start() - CONTEXT_LENGTH), span.start()));
        quote.put("suffix", text.substring(span.end(), Math.min(text.length(), span.end() + CONTEXT_LENGTH)));
        List<Map<String, Object>> selectors = new ArrayList<>(List.of(quote,
                ordered("type", "TextPositionSelector", "start", span.start(), "end", span.end())));
        if (span.page() != null) {
            // The page of the original PDF (RFC 3778 fragment page=N), refined by the quote on it.
            selectors.add(ordered("type", "FragmentSelector", "conformsTo", RFC_3778, "value", "page=" + span.page(),
                    "refinedBy", quote));
        }
        a.put("target", ordered("type", "SpecificResource", "source", "urn:sha256:" + source.source().sha256(),
                "selector", selectors));
        return a;
    }

    /**
     * A relation: a linking annotation by its author whose target is the span it goes from and whose
     * bodies are the span it goes to (a SpecificResource with purpose {@code linking}) and its type
     * (a TextualBody with purpose {@code tagging}).
     */
    private static Map<String, Object> linking(ExportedRelation relation) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", RELATION + relation.id());
        a.put("type", "Annotation");
        a.put("motivation", "linking");
        a.put("creator", ordered("id", ACCOUNT + relation.author(), "type", "Person", "nickname", relation.author()));
        a.put("created", relation.created().toString());
        a.put("generator", "urn:corroborate:workbench");
        a.put("body", List.of(
                ordered("type", "SpecificResource", "source", ANNOTATION + relation.to(), "purpose", "linking"),
                ordered("type", "TextualBody", "purpose", "tagging", "value", relation.type())));
        a.put("target", ANNOTATION + relation.from());
        return a;
    }

    private static Map<String, Object> assessing(ExportedSpan span, String reviewer, String verdict) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "urn:corroborate:assessment:" + span.id() + ":" + reviewer);
        a.put("type", "Annotation");
        a.put("motivation", "assessing");
        a.put("creator", ordered("id", ACCOUNT + reviewer, "type", "Person", "nickname", reviewer));
        a.put("body", ordered("type", "TextualBody", "purpose", "assessing", "value", verdict));
        a.put("target", ANNOTATION + span.id());
        return a;
    }

    /**
     * A supervisor's decision: an assessing annotation by the supervisor whose targets are the
     * annotations judged and, when accepted, the gold span on the source; its bodies are the
     * outcome, the reason, and the gold span's label, attributes and note.
     */
    private static Map<String, Object> decision(ExportedSource source, CodePoints text, ExportedDecision d) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", DECISION + d.id());
        a.put("type", "Annotation");
        a.put("motivation", "assessing");
        a.put("creator", ordered("id", ACCOUNT + d.decidedBy(), "type", "Person", "nickname", d.decidedBy()));
        a.put("created", d.decidedAt().toString());
        a.put("generator", "urn:corroborate:workbench");
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(ordered("type", "TextualBody", "purpose", "assessing", "value", d.outcome()));
        bodies.add(ordered("type", "TextualBody", "purpose", "commenting", "value", d.reason(), "id",
                DECISION + d.id() + REASON));
        List<Object> targets = new ArrayList<>();
        d.basedOn().forEach(ref -> targets.add(ANNOTATION + ref));
        Map<String, Object> onSource = ordered("type", "SpecificResource", "source", "urn:sha256:" + source.source().sha256());
        if (d.start() != null) {
            bodies.add(ordered("type", "TextualBody", "purpose", "tagging", "value", d.label()));
            d.attributes().forEach((name, value) -> bodies.add(ordered("type", "TextualBody", "purpose", "describing",
                    "value", value, "id", DECISION + d.id() + ATTRIBUTE + name)));
            if (d.note() != null) {
                bodies.add(ordered("type", "TextualBody", "purpose", "commenting", "value", d.note(), "id",
                        DECISION + d.id() + NOTE));
            }
            onSource.put("selector", List.of(
                    ordered("type", "TextQuoteSelector", "exact", text.substring(d.start(), d.end())),
                    ordered("type", "TextPositionSelector", "start", d.start(), "end", d.end())));
        }
        targets.add(onSource);
        a.put("body", bodies);
        a.put("target", targets);
        return a;
    }

    /** A JSON object whose keys keep the order given, so the output is the same from run to run. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public List<ImportedSource> read(ImportFiles files) {
        return new W3cAnnotationReader(json).read(files);
    }
}
