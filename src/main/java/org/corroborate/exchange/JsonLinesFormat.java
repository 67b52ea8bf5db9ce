package org.corroborate.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.ImportedAnnotation;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.SourceDraft;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines, doccano-compatible: one source per line with {@code text} and
 * {@code label: [[start, end, LABEL], ...]} (code points), plus the workbench's own fields: the
 * source's metadata, hash and blind mode, every span with its id, author, times, attributes, note,
 * verdicts (with their comments and times) and gold decision, the supervisor's decisions and the
 * reviewers' review statuses. Imports read the same (each of these fields optional, so older files
 * still import), and plain doccano lines too ({@code label} or {@code entities}, made by whoever
 * imports them).
 */
@Component
class JsonLinesFormat implements ExportFormat, ImportFormat {

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
                + "plus authors, attributes, verdicts, decisions, review statuses, blind mode and doccano's relations.";
    }

    /** A zip of .jsonl files, or one file of lines, which doccano may have named .json. */
    @Override
    public List<String> fileTypes() {
        return List.of(".zip", ".jsonl", ".ndjson", ".json");
    }

    @Override
    public String fileOf(long sourceId) {
        return "corpus.jsonl";
    }

    @Override
    public SourceWriter open(ExportArchive archive) throws IOException {
        OutputStream out = new BufferedOutputStream(archive.file("corpus.jsonl"), 1 << 16);
        return new SourceWriter() {
            @Override
            public void write(ExportedSource source) throws IOException {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", source.source().id());
                line.put("text", source.text());
                line.put("label", source.spans().stream().map(s -> List.of(s.start(), s.end(), s.label())).toList());
                // doccano's relation-extraction shape: entities with ids, relations naming them.
                line.put("entities", source.spans().stream().map(JsonLinesFormat::entity).toList());
                line.put("relations", source.relations().stream().map(JsonLinesFormat::relation).toList());
                line.put("source", source.source());
                line.put("spans", source.spans());
                if (source.decisions() != null) {
                    line.put("decisions", source.decisions());
                }
                if (source.statuses() != null) {
                    line.put("statuses", source.statuses());
                }
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            }

            @Override
            public void finish() throws IOException {
                out.flush();
            }
        };
    }

    /** A span as doccano's relation export writes one: {@code id, label, start_offset, end_offset}. */
    private static Map<String, Object> entity(ExportedSpan span) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", number(span.id()));
        entry.put("label", span.label());
        entry.put("start_offset", span.start());
        entry.put("end_offset", span.end());
        if (span.page() != null) {
            entry.put("page", span.page());
        }
        return entry;
    }

    /** A relation as doccano writes one ({@code id, from_id, to_id, type}), with who made it and when. */
    private static Map<String, Object> relation(ExportedRelation r) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", number(r.id()));
        entry.put("from_id", number(r.from()));
        entry.put("to_id", number(r.to()));
        entry.put("type", r.type());
        entry.put("author", r.author());
        entry.put("created", r.created());
        return entry;
    }

    /** The number in an export id ({@code a12} → 12): doccano names entities and relations by integers. */
    static long number(String id) {
        return Long.parseLong(id.substring(1));
    }

    @Override
    public List<ImportedSource> read(ImportFiles files) {
        List<String> names = files.documents(".jsonl", ".ndjson").stream().filter(n -> !ClaimsFile.is(n)).toList();
        if (names.isEmpty()) {
            throw WorkbenchException.badInput("The upload holds no .jsonl file; JSON Lines imports read one.");
        }
        List<ImportedSource> sources = new ArrayList<>();
        for (String name : names) {
            // A CRLF file reads as an LF one: the CR is not part of any line's JSON.
            String[] lines = files.text(name).split("\r?\n", -1);
            Unread unread = new Unread(name);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    sources.add(source(name, i + 1, lines[i], unread));
                }
            }
            if (!sources.isEmpty() && !unread.lines.isEmpty()) {
                ImportedSource last = sources.removeLast();
                List<String> ignored = new ArrayList<>(last.ignored());
                ignored.addAll(unread.messages());
                sources.add(new ImportedSource(last.file(), last.line(), last.draft(), last.sha256(), last.spans(),
                        last.decisions(), ignored, last.blind(), last.statuses(), last.relations()));
            }
        }
        return sources;
    }

    /** The keys of plain doccano lines that nothing reads, with the lines they are on, to report once per key. */
    private static final class Unread {
        final String file;
        final Map<String, List<Integer>> lines = new java.util.TreeMap<>();

        Unread(String file) {
            this.file = file;
        }

        void add(String key, int line) {
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }

        List<String> messages() {
            List<String> messages = new ArrayList<>();
            lines.forEach((key, on) -> messages.add(file + ", line " + on.getFirst()
                    + (on.size() > 1 ? " (and " + (on.size() - 1) + " more line" + (on.size() > 2 ? "s" : "") + ")" : "")
                    + ": " + what(key) + " is not read."));
            return messages;
        }

        private static String what(String key) {
            return switch (key) {
                case "cats" -> "'cats' (doccano's text categories; the workbench labels spans, not whole texts)";
                case "Comments", "comments" -> "'" + key + "' (doccano's comments; give them as a span's note in the "
                        + "workbench's JSON Lines to keep them)";
                default -> key.contains(".") ? "'" + key + "' in span entries" : "'" + key + "'";
            };
        }
    }

    /** The top-level keys a plain doccano line is read by. */
    private static final Set<String> PLAIN_KEYS = Set.of("text", "label", "labels", "entities", "annotations", "source",
            "relations");

    /**
     * The line's {@code relations} in doccano's shape ({@code [{id, from_id, to_id, type}]}, and the
     * workbench's {@code author}), each end named by a span's id: an integer, as doccano gives its
     * entities' ids and the workbench the number in its span ids ({@code a12} → 12), or the span id
     * itself. An end that names no span of the line refuses the line.
     */
    private static List<ImportedSource.Relation> relations(JsonFields fields, JsonNode line,
                                                           List<ImportedSource.ImportedSpan> spans, String file,
                                                           int number) {
        JsonNode given = line.get("relations");
        if (given == null || given.isNull()) {
            return List.of();
        }
        if (!given.isArray()) {
            throw fields.wrong("'relations' must be a list of {\"id\", \"from_id\", \"to_id\", \"type\"}.");
        }
        Map<String, String> refs = new LinkedHashMap<>();
        for (ImportedSource.ImportedSpan span : spans) {
            if (span.ref() != null) {
                refs.putIfAbsent(span.ref(), span.ref());
                if (span.ref().matches("[a-z]\\d+")) {
                    refs.putIfAbsent(span.ref().substring(1), span.ref());
                }
            }
        }
        List<ImportedSource.Relation> relations = new ArrayList<>();
        for (JsonNode relation : given) {
            if (!relation.isObject()) {
                throw fields.wrong("each 'relations' entry must be {\"id\", \"from_id\", \"to_id\", \"type\"}.");
            }
            String id = relation.has("id") ? relation.get("id").asString() : String.valueOf(relations.size() + 1);
            String type = fields.text(relation, "type", true);
            relations.add(new ImportedSource.Relation(id, file, number, end(fields, relation, "from_id", id, refs),
                    end(fields, relation, "to_id", id, refs), type, fields.text(relation, "author", false)));
        }
        return relations;
    }

    /** The span a relation's end names, by its ref; a refusal naming the relation when there is none. */
    private static String end(JsonFields fields, JsonNode relation, String key, String id, Map<String, String> refs) {
        JsonNode value = relation.get(key);
        if (value == null || !(value.isIntegralNumber() || value.isString())) {
            throw fields.wrong("relation " + id + ": '" + key + "' must name a span by its id.");
        }
        String ref = refs.get(value.asString());
        if (ref == null) {
            throw fields.wrong("relation " + id + ": '" + key + "' is " + value.asString() + ", but the line has no "
                    + "span with that id" + (refs.isEmpty() ? " (its spans carry no ids)" : "") + ".");
        }
        return ref;
    }

    private ImportedSource source(String file, int number, String raw, Unread unread) {
        JsonFields fields = new JsonFields(file, number);
        JsonNode line;
        try {
            line = json.readTree(raw);
        } catch (JacksonException e) {
            throw fields.wrong("not JSON (" + e.getOriginalMessage() + "); is the line complete?");
        }
        if (!line.isObject()) {
            throw fields.wrong("each line must be a JSON object with a 'text'.");
        }
        String text = fields.text(line, "text", true);
        JsonNode meta = line.get("source");
        SourceDraft draft = new SourceDraft(fields.text(meta, "title", false), fields.text(meta, "publisher", false),
                fields.text(meta, "author", false), fields.text(meta, "url", false), fields.date(meta, "published"),
                fields.date(meta, "retrieved"), fields.text(meta, "language", false),
                fields.text(meta, "originFileName", false), text);
        List<ImportedSource.ImportedSpan> spans = new ArrayList<>();
        if (line.has("spans")) {
            for (JsonNode span : line.get("spans")) {
                if (span.has("gold") && !span.get("gold").isNull()) {
                    throw fields.wrong("this is a gold-layer export. Import the export of every reviewer's layer: "
                            + "it carries the decisions together with the spans they judged.");
                }
                Map<String, String> verdicts = fields.strings(span, "assessments");
                Map<String, ImportedSource.VerdictNote> notes = new LinkedHashMap<>();
                verdicts(fields, span, verdicts, notes);
                spans.add(new ImportedSource.ImportedSpan(fields.text(span, "id", false), file, number,
                        new ImportedAnnotation(fields.text(span, "author", true), fields.integer(span, "start"),
                                fields.integer(span, "end"), fields.text(span, "label", true),
                                fields.strings(span, "attributes"), fields.text(span, "note", false),
                                fields.instant(span, "created"), fields.instant(span, "modified")),
                        fields.text(span, "text", false), verdicts, notes));
            }
        } else {
            doccano(fields, line, file, number, spans, unread);
            line.propertyNames().forEach(key -> {
                if (!PLAIN_KEYS.contains(key)) {
                    unread.add(key, number);
                }
            });
        }
        List<ImportedSource.Decision> decisions = new ArrayList<>();
        for (JsonNode d : line.has("decisions") ? line.get("decisions") : json.createArrayNode()) {
            List<String> basedOn = new ArrayList<>();
            d.path("basedOn").forEach(ref -> basedOn.add(ref.asString()));
            decisions.add(new ImportedSource.Decision(fields.text(d, "id", false), file, number,
                    fields.text(d, "outcome", true), fields.optionalInteger(d, "start"),
                    fields.optionalInteger(d, "end"), fields.text(d, "label", false), fields.strings(d, "attributes"),
                    fields.text(d, "note", false), basedOn, fields.text(d, "reason", true),
                    fields.text(d, "decidedBy", true), fields.instant(d, "decidedAt")));
        }
        List<ImportedSource.Status> statuses = new ArrayList<>();
        JsonNode given = line.get("statuses");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw fields.wrong("'statuses' must be a list of {reviewer, status, changedAt}.");
            }
            for (JsonNode status : given) {
                statuses.add(new ImportedSource.Status(fields.text(status, "reviewer", true),
                        fields.text(status, "status", true), fields.instant(status, "changedAt")));
            }
        }
        return new ImportedSource(file, number, draft, meta == null ? null : fields.text(meta, "sha256", false),
                spans, decisions, List.of(), fields.bool(meta, "blind"), statuses,
                relations(fields, line, spans, file, number));
    }

    /**
     * A span's {@code verdicts} in full ({@code [{reviewer, verdict, comment, created, modified}]}),
     * where the file has them: each verdict by name into {@code verdicts} (over what {@code assessments}
     * said), its comment and times into {@code notes}. Files written before verdicts travelled in
     * full have {@code assessments} only.
     */
    private static void verdicts(JsonFields fields, JsonNode span, Map<String, String> verdicts,
                                 Map<String, ImportedSource.VerdictNote> notes) {
        JsonNode full = span.get("verdicts");
        if (full == null || full.isNull()) {
            return;
        }
        if (!full.isArray()) {
            throw fields.wrong("'verdicts' must be a list of {reviewer, verdict, comment, created, modified}.");
        }
        for (JsonNode verdict : full) {
            String reviewer = fields.text(verdict, "reviewer", true);
            verdicts.put(reviewer, fields.text(verdict, "verdict", true));
            notes.put(reviewer, new ImportedSource.VerdictNote(fields.text(verdict, "comment", false),
                    fields.instant(verdict, "created"), fields.instant(verdict, "modified")));
        }
    }

    /**
     * Plain doccano lines, in every shape doccano has exported spans in: {@code label} or
     * {@code labels} as {@code [[start, end, "LABEL"]]}, {@code entities} as such lists or as
     * {@code {start_offset, end_offset, label}} objects, and doccano 1.x {@code annotations} objects
     * ({@code {label, start_offset, end_offset, user}}). A category (a string where a span was
     * expected) and keys of span entries not read are reported, never dropped silently.
     */
    private static void doccano(JsonFields fields, JsonNode line, String file, int number,
                                List<ImportedSource.ImportedSpan> spans, Unread unread) {
        for (String key : List.of("label", "labels", "entities", "annotations")) {
            JsonNode given = line.get(key);
            if (given == null || given.isNull()) {
                continue;
            }
            if (!given.isArray()) {
                throw fields.wrong("'" + key + "' must be a list of spans: [start, end, \"LABEL\"] or "
                        + "{\"start_offset\": 0, \"end_offset\": 5, \"label\": \"LABEL\"}.");
            }
            for (JsonNode entry : given) {
                if (entry.isString()) {
                    unread.add(key + " (text categories such as '" + entry.asString() + "')", number);
                    continue;
                }
                ImportedAnnotation span = entry.isArray() ? listed(fields, key, entry) : described(fields, key, entry);
                if (entry.isObject()) {
                    entry.propertyNames().forEach(k -> {
                        if (!SPAN_KEYS.contains(k)) {
                            unread.add(key + "." + k, number);
                        }
                    });
                }
                String ref = entry.isObject() && entry.has("id") && !entry.get("id").isNull()
                        ? entry.get("id").asString() : null;
                spans.add(new ImportedSource.ImportedSpan(ref, file, number, span, null, Map.of()));
            }
        }
    }

    /** The keys of a doccano span entry that are read; {@code id} names it for relations. */
    private static final Set<String> SPAN_KEYS = Set.of("id", "start_offset", "end_offset", "label");

    /** {@code [start, end, "LABEL"]}. */
    private static ImportedAnnotation listed(JsonFields fields, String key, JsonNode entry) {
        if (entry.size() != 3 || !entry.get(0).isIntegralNumber() || !entry.get(1).isIntegralNumber()
                || !entry.get(2).isString()) {
            throw fields.wrong("each '" + key + "' entry must be [start, end, \"LABEL\"].");
        }
        return ImportedAnnotation.bare(entry.get(0).asInt(), entry.get(1).asInt(), entry.get(2).asString());
    }

    /** {@code {"start_offset": 0, "end_offset": 5, "label": "LABEL"}}. */
    private static ImportedAnnotation described(JsonFields fields, String key, JsonNode entry) {
        if (!entry.isObject()) {
            throw fields.wrong("each '" + key + "' entry must be [start, end, \"LABEL\"] or "
                    + "{\"start_offset\": 0, \"end_offset\": 5, \"label\": \"LABEL\"}.");
        }
        JsonNode label = entry.get("label");
        if (label != null && label.isIntegralNumber()) {
            throw fields.wrong("the '" + key + "' entry's label is the number " + label.asString() + ": this doccano "
                    + "export names labels by their id. Export with label names (doccano's JSONL export), or replace "
                    + "each id by its label's name.");
        }
        return ImportedAnnotation.bare(fields.integer(entry, "start_offset"), fields.integer(entry, "end_offset"),
                fields.text(entry, "label", true));
    }
}
