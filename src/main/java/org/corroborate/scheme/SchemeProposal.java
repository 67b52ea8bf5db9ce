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
        followLabels(body, labelRenames, labelMappings);
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

    /**
     * Relation types follow the labels they name: a label renamed ({@code renamedFrom}) or mapped
     * ({@code mappings.labels}) is renamed or replaced in every relation type's {@code from} and
     * {@code to} too, so that a proposal need not repeat the rename there; a label the proposal no
     * longer has is dropped from them, and a relation type left with no label at one end goes with it
     * (which the change refuses while relations of that type exist). The diff names every such change.
     */
    private static void followLabels(ObjectNode body, Map<String, String> labelRenames,
                                     Map<String, String> labelMappings) {
        JsonNode relations = body.get("relations");
        if (relations == null || !relations.isArray() || !body.path("labels").isArray()) {
            return;
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        body.path("labels").values().forEach(l -> kept.add(l.path("name").stringValue(null)));
        Map<String, String> newName = new LinkedHashMap<>(labelMappings);
        labelRenames.forEach((renamed, old) -> newName.put(old, renamed));
        tools.jackson.databind.node.ArrayNode remaining = ((ObjectNode) body).putArray("relations");
        for (JsonNode relation : relations.values()) {
            boolean bothEnds = true;
            for (String end : List.of("from", "to")) {
                if (relation instanceof ObjectNode node && node.get(end) instanceof tools.jackson.databind.node.ArrayNode names) {
                    java.util.LinkedHashSet<String> followed = new java.util.LinkedHashSet<>();
                    names.values().forEach(n -> {
                        String name = n.stringValue(null);
                        String now = name != null && !kept.contains(name) && newName.containsKey(name)
                                ? newName.get(name) : name;
                        if (now == null || kept.contains(now)) {
                            followed.add(now);
                        }
                    });
                    bothEnds &= !followed.isEmpty() || names.isEmpty();
                    tools.jackson.databind.node.ArrayNode replaced = node.putArray(end);
                    followed.forEach(replaced::add);
                }
            }
            if (bothEnds) {
                remaining.add(relation);
            }
        }
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
