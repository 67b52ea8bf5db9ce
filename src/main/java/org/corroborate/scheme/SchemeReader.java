package org.corroborate.scheme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.corroborate.base.JsonProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and validates a label scheme, collecting every problem rather than stopping at the first. */
final class SchemeReader {

    private static final Pattern LABEL_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    /** A relation type's name: what brat's {@code R} lines and exports carry, so no spaces. */
    private static final Pattern RELATION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Set<String> RESERVED_ATTRIBUTES = Set.of("note");

    /** Strict as the API's JSON: unknown fields and keys given twice are refused, not guessed at. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final JsonMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final JsonMapper DIFF = JsonMapper.builder().build();

    private SchemeReader() {}

    static LabelScheme read(String location, String content) {
        LabelScheme scheme;
        try {
            scheme = JSON.readValue(content, LabelScheme.class);
        } catch (JacksonException e) {
            throw new InvalidSchemeException(location, List.of(JsonProblem.describe(e)));
        }
        return checked(location, scheme);
    }

    /** The scheme a JSON tree holds, validated; the tree must hold only the scheme's own fields. */
    static LabelScheme read(String location, JsonNode tree) {
        LabelScheme scheme;
        try {
            scheme = JSON.treeToValue(tree, LabelScheme.class);
        } catch (JacksonException e) {
            throw new InvalidSchemeException(location, List.of(JsonProblem.describe(e)));
        }
        return checked(location, scheme);
    }

    /** A JSON document as a tree, for readers that take fields of their own out first. */
    static JsonNode tree(String location, String content) {
        try {
            return JSON.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidSchemeException(location, List.of(JsonProblem.describe(e)));
        }
    }

    /** The scheme as {@code scheme.json} holds it, indented; {@link #read} reads it back as it was. */
    static String write(LabelScheme scheme) {
        return WRITER.writeValueAsString(scheme);
    }

    /** A diff as a version stores it: JSON, each entry with its words beside it for readers of the table. */
    static String writeDiff(SchemeDiff diff) {
        return DIFF.writeValueAsString(diff.entries().stream().map(e -> {
            java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("kind", e.kind().name());
            entry.put("label", e.label());
            entry.put("attribute", e.attribute());
            entry.put("field", e.field());
            entry.put("before", e.before());
            entry.put("after", e.after());
            entry.put("text", e.text());
            return entry;
        }).toList());
    }

    /** The diff {@link #writeDiff} wrote. */
    static SchemeDiff readDiff(String json) {
        List<SchemeDiff.Entry> entries = new ArrayList<>();
        for (JsonNode node : DIFF.readTree(json).values()) {
            entries.add(new SchemeDiff.Entry(SchemeDiff.Kind.valueOf(node.get("kind").stringValue()),
                    node.path("label").stringValue(null), node.path("attribute").stringValue(null),
                    node.path("field").stringValue(null), node.path("before").stringValue(null),
                    node.path("after").stringValue(null)));
        }
        return new SchemeDiff(entries);
    }

    private static LabelScheme checked(String location, LabelScheme scheme) {
        List<String> problems = validate(scheme);
        if (!problems.isEmpty()) {
            throw new InvalidSchemeException(location, problems);
        }
        return scheme;
    }

    /** Every problem of the scheme, one sentence each; none: it may be used. */
    static List<String> validate(LabelScheme scheme) {
        List<String> problems = new ArrayList<>();
        if (scheme == null) {
            return List.of("the file is empty");
        }
        if (blank(scheme.name())) {
            problems.add("'name' is missing");
        }
        if (scheme.version() == null || !VERSION.matcher(scheme.version()).matches()) {
            problems.add("'version' must look like 1.0.0, found '" + scheme.version() + "'");
        }
        if (scheme.labels() == null || scheme.labels().isEmpty()) {
            problems.add("'labels' must list at least one label");
            return problems;
        }
        if (scheme.labels().stream().allMatch(l -> l != null && l.archived())) {
            problems.add("at least one label must not be archived, or no span could be made");
        }
        Set<String> names = new HashSet<>();
        Set<String> hotkeys = new HashSet<>();
        for (LabelScheme.Label label : scheme.labels()) {
            if (label == null) {
                problems.add("'labels' holds null");
                continue;
            }
            String where = "label '" + label.name() + "'";
            if (label.name() == null || !LABEL_NAME.matcher(label.name()).matches()) {
                problems.add(where + ": the name must be upper case letters, digits or '_', starting with a letter");
            } else if (!names.add(label.name())) {
                problems.add(where + ": the name is used twice");
            }
            if (blank(label.title())) {
                problems.add(where + ": 'title' is missing");
            }
            if (label.color() == null || !COLOR.matcher(label.color()).matches()) {
                problems.add(where + ": 'color' must be #rrggbb, found '" + label.color() + "'");
            }
            if (label.hotkey() != null && !label.hotkey().isEmpty()) {
                if (label.hotkey().codePointCount(0, label.hotkey().length()) != 1) {
                    problems.add(where + ": 'hotkey' must be one character, found '" + label.hotkey() + "'");
                } else if (!hotkeys.add(label.hotkey())) {
                    problems.add(where + ": hotkey '" + label.hotkey() + "' is used by another label");
                }
            }
            validateAttributes(where, label.attributes(), problems);
        }
        validateRelations(scheme, names, problems);
        return problems;
    }

    private static void validateRelations(LabelScheme scheme, Set<String> labels, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (LabelScheme.RelationType relation : scheme.relations()) {
            if (relation == null) {
                problems.add("'relations' holds null");
                continue;
            }
            String where = "relation type '" + relation.name() + "'";
            if (relation.name() == null || !RELATION_NAME.matcher(relation.name()).matches()) {
                problems.add(where + ": the name must be letters, digits, '_' or '-' (no spaces), starting with a "
                        + "letter, at most 32");
            } else if (!names.add(relation.name())) {
                problems.add(where + ": the name is used twice");
            }
            endLabels(where, "from", relation.from(), labels, problems);
            endLabels(where, "to", relation.to(), labels, problems);
        }
    }

    private static void endLabels(String where, String end, List<String> named, Set<String> labels,
                                  List<String> problems) {
        if (named.isEmpty()) {
            problems.add(where + ": '" + end + "' must name at least one label");
        }
        for (String label : named) {
            if (!labels.contains(label)) {
                problems.add(where + ": '" + end + "' names the label '" + label + "', which the scheme does not have");
            }
        }
    }

    private static void validateAttributes(String where, List<LabelScheme.Attribute> attributes,
                                           List<String> problems) {
        if (attributes == null) {
            problems.add(where + ": 'attributes' is missing (use [] for none)");
            return;
        }
        Set<String> names = new HashSet<>();
        for (LabelScheme.Attribute attribute : attributes) {
            if (attribute == null) {
                problems.add(where + ": 'attributes' holds null");
                continue;
            }
            String name = attribute.name();
            if (name == null || !ATTRIBUTE_NAME.matcher(name).matches()) {
                problems.add(where + ": attribute '" + name + "' must be a camelCase name such as 'allegedBy'");
            } else if (RESERVED_ATTRIBUTES.contains(name)) {
                problems.add(where + ": attribute '" + name + "' is reserved (every annotation has a note)");
            } else if (!names.add(name)) {
                problems.add(where + ": attribute '" + name + "' is listed twice");
            }
            if (blank(attribute.title())) {
                problems.add(where + ": attribute '" + name + "' has no 'title'");
            }
            AttributeType.named(attribute.type()).ifPresentOrElse(
                    type -> type.declarationProblems(attribute).forEach(p -> problems.add(where + ": " + p)),
                    () -> problems.add(where + ": attribute '" + name + "' has the unknown type '" + attribute.type()
                            + "'; use one of " + AttributeType.all().stream().map(AttributeType::name).toList()));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
