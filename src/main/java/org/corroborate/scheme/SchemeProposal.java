package org.corroborate.scheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A proposed new version of a project's scheme, as {@code PUT /api/projects/{id}/scheme} sends it:
 * the scheme JSON of {@code annotations/scheme.json} with these change instructions beside it, which
 * the stored version does not keep:
 * <ul>
 * <li>{@code "schemeVersion": N} (required): the version the edit started from; a change based on
 * an older version than the current one is refused (409), so no one's edit is silently overwritten;</li>
 * <li>{@code "renamedFrom": "OLD"} on a label or an attribute: it is the label or attribute that was
 * called OLD in version N; its spans (or values) are migrated to the new name;</li>
 * <li>{@code "mappings": {"labels": {"OLD": "TARGET"}, "attributes": {"LABEL": {"old": "target"}}}}:
 * what becomes of a label or attribute removed while in use; names are those of version N, the
 * targets those of the proposed scheme (an attribute's target is on the label its spans end up
 * with);</li>
 * <li>{@code "reason"} (optional): why, for the version list and the audit trail.</li>
 * </ul>
 *
 * @param scheme the proposed scheme, valid by {@link SchemeReader}'s rules
 * @param basedOn the version number the edit started from
 * @param labelRenames new label name to its name in version {@code basedOn}
 * @param attributeRenames new label name to (new attribute name to its old name)
 * @param labelMappings old label name to the label its spans move to
 * @param attributeMappings old label name to (old attribute name to the attribute its values move to)
 * @param reason why, or null
 */
public record SchemeProposal(LabelScheme scheme, int basedOn, Map<String, String> labelRenames,
                             Map<String, Map<String, String>> attributeRenames, Map<String, String> labelMappings,
                             Map<String, Map<String, String>> attributeMappings, String reason) {

    static final String LOCATION = "sent";

    public SchemeProposal {
        labelRenames = Map.copyOf(labelRenames);
        attributeRenames = Map.copyOf(attributeRenames);
        labelMappings = Map.copyOf(labelMappings);
        attributeMappings = Map.copyOf(attributeMappings);
    }

    /** A proposal without renames or mappings: the scheme as it is to be. */
    public static SchemeProposal of(LabelScheme scheme, int basedOn) {
        return new SchemeProposal(scheme, basedOn, Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /**
     * Reads a proposal; every problem of the JSON and of the scheme is listed in one {@link
     * InvalidSchemeException}.
     */
    public static SchemeProposal read(String json) {
        JsonNode tree = SchemeReader.tree(LOCATION, json);
        if (!(tree instanceof ObjectNode body)) {
            throw new InvalidSchemeException(LOCATION, List.of("the body must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode version = body.remove("schemeVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            problems.add("'schemeVersion' is required: the version number your edit started from (GET gives it)");
        }
        String reason = text(body.remove("reason"), "'reason'", problems);
        Map<String, String> labelRenames = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributeRenames = new LinkedHashMap<>();
        if (body.get("labels") != null && body.get("labels").isArray()) {
            for (JsonNode label : body.get("labels").values()) {
                if (label instanceof ObjectNode labelNode) {
                    String name = labelNode.path("name").stringValue(null);
                    String from = text(labelNode.remove("renamedFrom"), "label '" + name + "': 'renamedFrom'", problems);
                    if (from != null && name != null && !from.equals(name)) {
                        labelRenames.put(name, from);
                    }
                    if (labelNode.get("attributes") != null && labelNode.get("attributes").isArray()) {
                        for (JsonNode attribute : labelNode.get("attributes").values()) {
                            if (attribute instanceof ObjectNode attributeNode) {
                                String attributeName = attributeNode.path("name").stringValue(null);
                                String old = text(attributeNode.remove("renamedFrom"), "label '" + name
                                        + "': attribute '" + attributeName + "': 'renamedFrom'", problems);
                                if (old != null && name != null && attributeName != null && !old.equals(attributeName)) {
                                    attributeRenames.computeIfAbsent(name, n -> new LinkedHashMap<>())
                                            .put(attributeName, old);
                                }
                            }
                        }
                    }
                }
            }
        }
        Map<String, String> labelMappings = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributeMappings = new LinkedHashMap<>();
        JsonNode mappings = body.remove("mappings");
        if (mappings != null && !mappings.isNull()) {
            if (!mappings.isObject()) {
                problems.add("'mappings' must be an object: {\"labels\": {...}, \"attributes\": {...}}");
            } else {
                mappings.properties().forEach(e -> {
                    switch (e.getKey()) {
                        case "labels" -> labelMappings.putAll(names(e.getValue(), "'mappings.labels'", problems));
                        case "attributes" -> {
                            if (!e.getValue().isObject()) {
                                problems.add("'mappings.attributes' must map labels to {\"old\": \"new\"} objects");
                            } else {
                                e.getValue().properties().forEach(l -> attributeMappings.put(l.getKey(),
                                        names(l.getValue(), "'mappings.attributes." + l.getKey() + "'", problems)));
                            }
                        }
                        default -> problems.add("'mappings' has the unknown field '" + e.getKey()
                                + "'; it takes 'labels' and 'attributes'");
                    }
                });
            }
        }
        LabelScheme scheme = null;
        try {
            scheme = SchemeReader.read(LOCATION, body);
        } catch (InvalidSchemeException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSchemeException(LOCATION, problems);
        }
        return new SchemeProposal(scheme, version.intValue(), labelRenames, attributeRenames, labelMappings,
                attributeMappings, reason == null || reason.isBlank() ? null : reason.strip());
    }

    private static String text(JsonNode node, String what, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(what + " must be text");
            return null;
        }
        return node.stringValue();
    }

    private static Map<String, String> names(JsonNode node, String what, List<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(what + " must be an object of names, {\"old\": \"new\"}");
            return result;
        }
        node.properties().forEach(e -> {
            if (e.getValue().isString()) {
                result.put(e.getKey(), e.getValue().stringValue());
            } else {
                problems.add(what + ": '" + e.getKey() + "' must map to a name");
            }
        });
        return result;
    }
}
