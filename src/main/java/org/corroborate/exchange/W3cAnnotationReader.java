package org.corroborate.exchange;

import static org.corroborate.exchange.W3cAnnotationFormat.ACCOUNT;
import static org.corroborate.exchange.W3cAnnotationFormat.ANNOTATION;
import static org.corroborate.exchange.W3cAnnotationFormat.ATTRIBUTE;
import static org.corroborate.exchange.W3cAnnotationFormat.CLAIM;
import static org.corroborate.exchange.W3cAnnotationFormat.DECISION;
import static org.corroborate.exchange.W3cAnnotationFormat.NOTE;
import static org.corroborate.exchange.W3cAnnotationFormat.REASON;
import static org.corroborate.exchange.W3cAnnotationFormat.RELATION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;
import org.corroborate.annotation.ImportedAnnotation;
import org.corroborate.base.WorkbenchException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads W3C Web Annotation JSON-LD as {@link W3cAnnotationFormat} writes it (and as other tools
 * write the same model): tagging annotations become spans, assessing ones verdicts or, with a
 * decision id, decisions. Sources are named by hash; their texts must be in the workbench.
 */
final class W3cAnnotationReader {

    private final JsonMapper json;
    private final Map<String, SourceSpans> bySource = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> verdicts = new HashMap<>();
    private final List<ImportedSource.Relation> relations = new ArrayList<>();
    private final List<String> claimItems = new ArrayList<>();
    private final List<String> otherLinks = new ArrayList<>();

    W3cAnnotationReader(JsonMapper json) {
        this.json = json;
    }

    List<ImportedSource> read(ImportFiles files) {
        List<String> names = files.documents(".jsonld", ".json").stream()
                .filter(n -> !n.endsWith(ExportArchive.MANIFEST)).toList();
        if (names.isEmpty()) {
            throw WorkbenchException.badInput("The upload holds no .jsonld file; W3C imports "
                    + "read an AnnotationCollection.");
        }
        for (String name : names) {
            items(name, files.text(name), (item, line) -> item(name, line, item));
        }
        Set<String> held = new HashSet<>();
        bySource.values().forEach(found -> found.spans.forEach(span -> held.add(span.ref())));
        verdicts.keySet().stream().filter(ref -> !held.contains(ref)).sorted().forEach(ref -> {
            if (!bySource.isEmpty()) {
                bySource.values().iterator().next().ignored.add(names.getFirst() + ": verdicts on annotation " + ref
                        + ", which the upload does not hold.");
            }
        });
        Map<String, SourceSpans> sourceOf = new HashMap<>();
        bySource.values().forEach(found -> found.spans.forEach(span -> sourceOf.put(span.ref(), found)));
        for (ImportedSource.Relation relation : relations) {
            SourceSpans from = sourceOf.get(relation.from());
            SourceSpans to = sourceOf.get(relation.to());
            for (String end : List.of(relation.from(), relation.to())) {
                if (!sourceOf.containsKey(end)) {
                    throw ImportFiles.malformed(relation.file(), relation.line(), "relation " + relation.ref()
                            + " names annotation " + end + ", which the upload does not hold.");
                }
            }
            if (from != to) {
                throw ImportFiles.malformed(relation.file(), relation.line(), "relation " + relation.ref()
                        + " joins annotations of two sources; a relation joins spans of one source.");
            }
            from.relations.add(relation);
        }
        if (!claimItems.isEmpty() && !files.names().stream().anyMatch(ClaimsFile::is) && !bySource.isEmpty()) {
            bySource.values().iterator().next().ignored.add(claimItems.getFirst() + ": " + claimItems.size()
                    + " item(s) of claims, which are imported from claims.jsonl, and the upload has none; left out.");
        }
        if (!otherLinks.isEmpty() && !bySource.isEmpty()) {
            bySource.values().iterator().next().ignored.add(otherLinks.getFirst() + ": " + otherLinks.size()
                    + " linking annotation(s) that do not join two annotations of the upload; only relations between "
                    + "spans have a place here, so they are left out.");
        }
        List<ImportedSource> sources = new ArrayList<>();
        bySource.forEach((hash, found) -> sources.add(new ImportedSource(found.file, found.line, null, hash,
                found.spans.stream().map(span -> new ImportedSource.ImportedSpan(span.ref(), span.file(), span.line(),
                        span.annotation(), span.quote(), verdicts.getOrDefault(span.ref(), Map.of()))).toList(),
                found.decisions, found.ignored, null, List.of(), found.relations)));
        return sources;
    }

    private static final class SourceSpans {
        final String file;
        final int line;
        final List<ImportedSource.ImportedSpan> spans = new ArrayList<>();
        final List<ImportedSource.Decision> decisions = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        final List<ImportedSource.Relation> relations = new ArrayList<>();

        SourceSpans(String file, int line) {
            this.file = file;
            this.line = line;
        }
    }

    /** Walks the items of a collection (or a bare array, or one annotation), each with the line it starts on. */
    private void items(String file, String content, ObjIntConsumer<JsonNode> consumer) {
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
                    if (field.equals("first") && parser.currentToken() == tools.jackson.core.JsonToken.START_OBJECT) {
                        // The model's form: the collection's first AnnotationPage holds the items.
                        collection = true;
                        page(file, parser, consumer);
                    } else if (field.equals("first")) {
                        throw ImportFiles.malformed(file, parser.currentTokenLocation().getLineNr(), "the collection's "
                                + "first page is only named ('" + json.readTree(parser).asString("") + "'), not in "
                                + "the file; embed it: \"first\": {\"type\": \"AnnotationPage\", \"items\": [...]}.");
                    } else if (field.equals("items")) {
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

    /** An AnnotationPage's {@code items}; its other keys ({@code id}, {@code next}, ...) are passed over. */
    private void page(String file, tools.jackson.core.JsonParser parser, ObjIntConsumer<JsonNode> consumer) {
        while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("items")) {
                if (parser.currentToken() != tools.jackson.core.JsonToken.START_ARRAY) {
                    throw ImportFiles.malformed(file, parser.currentTokenLocation().getLineNr(),
                            "'items' must be an array of annotations.");
                }
                eachInArray(parser, consumer);
            } else {
                json.readTree(parser);
            }
        }
    }

    private void eachInArray(tools.jackson.core.JsonParser parser, ObjIntConsumer<JsonNode> consumer) {
        while (parser.nextToken() != tools.jackson.core.JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            consumer.accept(json.readTree(parser), line);
        }
    }

    private void item(String file, int line, JsonNode item) {
        JsonFields fields = new JsonFields(file, line);
        if (!item.isObject()) {
            throw fields.wrong("each item must be an annotation object.");
        }
        String motivation = item.path("motivation").asString("");
        if (item.path("id").asString("").startsWith(CLAIM)) {
            claimItems.add(file + ", line " + line);
            return;
        }
        if (motivation.equals("linking")) {
            linking(file, line, fields, item);
            return;
        }
        if (motivation.equals("assessing") && item.path("id").asString("").startsWith(DECISION)) {
            decision(file, line, fields, item);
            return;
        }
        if (motivation.equals("assessing")) {
            String target = item.path("target").isString() ? item.get("target").asString()
                    : item.path("target").path("id").asString("");
            String verdict = first(item.get("body")).path("value").asString("");
            String reviewer = person(fields, item.get("creator"));
            if (reviewer == null || reviewer.isBlank()) {
                throw fields.wrong("an assessing annotation needs a creator: whose verdict is it?");
            }
            verdicts.computeIfAbsent(stripPrefix(target, ANNOTATION), t -> new LinkedHashMap<>()).put(reviewer, verdict);
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
        Map<String, String> attributes = new TreeMap<>();
        List<JsonNode> bodies = array(item.get("body"));
        if (item.path("bodyValue").isString()) {
            // The model's shorthand for one TextualBody with that value.
            bodies.add(json.createObjectNode().put("type", "TextualBody").put("value", item.get("bodyValue").asString()));
        }
        for (JsonNode body : bodies) {
            // A body without a purpose serves the annotation's motivation (the model's tagging example).
            String purpose = body.path("purpose").asString(motivation);
            String value = body.isString() ? null : body.path("value").asString(null);
            if (value == null) {
                spans.ignored.add(file + ", line " + line + ": a body without a textual value.");
            } else if (purpose.equals("tagging") && label == null) {
                label = value;
            } else if (purpose.equals("describing") && attribute(body) != null) {
                attributes.put(attribute(body), value);
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
        String ref = stripPrefix(item.path("id").asString(""), ANNOTATION);
        if (ref.matches("g\\d+")) {
            throw fields.wrong("this is a gold-layer export. Import the export of every reviewer's layer: it carries "
                    + "the decisions together with the annotations they judged.");
        }
        List<JsonNode> creators = array(item.get("creator"));
        for (int c = 1; c < creators.size(); c++) {
            spans.ignored.add(file + ", line " + line + ": creator '" + person(fields, creators.get(c))
                    + "' of annotation " + ref + " is left out: a span here has one author, the first creator ('"
                    + person(fields, creators.getFirst()) + "').");
        }
        spans.spans.add(new ImportedSource.ImportedSpan(ref, file, line,
                new ImportedAnnotation(person(fields, item.get("creator")),
                        fields.integer(position, "start"), fields.integer(position, "end"), label, attributes, note,
                        fields.instant(item, "created"), fields.instant(item, "modified")), quote, Map.of()));
    }

    /**
     * A relation: a linking annotation whose target is the span it goes from, and whose bodies are
     * the span it goes to (a SpecificResource, or the IRI, naming the annotation) and its type (the
     * first {@code tagging} body).
     */
    private void linking(String file, int line, JsonFields fields, JsonNode item) {
        String ref = stripPrefix(item.path("id").asString(""), RELATION);
        JsonNode target = first(item.get("target"));
        String from = target.isString() ? target.asString() : target.path("source").asString(target.path("id")
                .asString(""));
        String to = null;
        String type = null;
        for (JsonNode body : array(item.get("body"))) {
            if (body.isString()) {
                to = to == null ? body.asString() : to;
            } else if (body.path("purpose").asString("").equals("tagging") && body.has("value")) {
                type = type == null ? body.get("value").asString() : type;
            } else if (body.has("source") || body.has("id") && !body.has("value")) {
                to = to == null ? body.path("source").asString(body.path("id").asString("")) : to;
            }
        }
        if (!from.startsWith(ANNOTATION) || to == null || !to.startsWith(ANNOTATION)) {
            // A link from or to something else (a web page, say): no relation between spans.
            otherLinks.add(file + ", line " + line);
            return;
        }
        if (type == null) {
            throw fields.wrong("relation " + ref + " has no type: give it a body with purpose 'tagging' whose value "
                    + "is a relation type of the scheme.");
        }
        relations.add(new ImportedSource.Relation(ref, file, line, stripPrefix(from, ANNOTATION),
                stripPrefix(to, ANNOTATION), type, person(fields, item.get("creator"))));
    }

    /** A decision: outcome, reason and gold span in the bodies; the judged annotations and the gold position in the targets. */
    private void decision(String file, int line, JsonFields fields, JsonNode item) {
        String outcome = null;
        String reason = null;
        String label = null;
        String note = null;
        Map<String, String> attributes = new TreeMap<>();
        for (JsonNode body : array(item.get("body"))) {
            String purpose = body.path("purpose").asString("");
            String id = body.path("id").asString("");
            String value = body.path("value").asString(null);
            if (purpose.equals("assessing")) {
                outcome = value;
            } else if (id.endsWith(REASON)) {
                reason = value;
            } else if (purpose.equals("tagging")) {
                label = value;
            } else if (id.endsWith(NOTE)) {
                note = value;
            } else if (attribute(body) != null) {
                attributes.put(attribute(body), value);
            }
        }
        List<String> basedOn = new ArrayList<>();
        String source = null;
        Integer start = null;
        Integer end = null;
        for (JsonNode target : array(item.get("target"))) {
            if (target.isString()) {
                basedOn.add(stripPrefix(target.asString(), ANNOTATION));
            } else if (target.path("source").asString("").startsWith("urn:sha256:")) {
                source = target.get("source").asString().substring("urn:sha256:".length());
                for (JsonNode selector : array(target.get("selector"))) {
                    if (selector.path("type").asString("").equals("TextPositionSelector")) {
                        start = fields.integer(selector, "start");
                        end = fields.integer(selector, "end");
                    }
                }
            }
        }
        if (source == null || outcome == null) {
            throw fields.wrong("a decision needs an assessing body (its outcome) and a target on the source "
                    + "(urn:sha256:HASH).");
        }
        bySource.computeIfAbsent(source, h -> new SourceSpans(file, line)).decisions.add(new ImportedSource.Decision(
                stripPrefix(item.get("id").asString(), DECISION), file, line, outcome, start, end, label, attributes,
                note, basedOn, reason == null ? "" : reason, person(fields, item.get("creator")),
                fields.instant(item, "created")));
    }

    /** The attribute a describing body gives, by its id ({@code …/attribute/NAME}); null for other bodies. */
    private static String attribute(JsonNode body) {
        String id = body.path("id").asString("");
        int at = id.lastIndexOf(ATTRIBUTE);
        return at < 0 ? null : id.substring(at + ATTRIBUTE.length());
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
