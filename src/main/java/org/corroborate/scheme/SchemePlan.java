package org.corroborate.scheme;

import static org.corroborate.scheme.SchemeDiff.changed;
import static org.corroborate.scheme.SchemeDiff.differ;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.scheme.SchemeDiff.Entry;
import org.corroborate.scheme.SchemeDiff.Kind;

/**
 * A proposal read against the scheme it changes: which new label is which old one (by name or
 * {@code renamedFrom}), the {@link SchemeDiff}, the {@link SchemeMigration} the data follows, and
 * what it drops without a mapping, which is allowed only where nothing uses it. Problems with the
 * instructions themselves (a rename from a label that does not exist, say) are collected in
 * {@link #problems()}.
 */
record SchemePlan(SchemeDiff diff, SchemeMigration migration, Set<String> droppedLabels,
                  Map<String, Set<String>> droppedAttributes, Set<String> droppedRelations, List<String> problems) {

    static SchemePlan of(LabelScheme current, SchemeProposal proposal) {
        List<String> problems = new ArrayList<>();
        LabelScheme next = proposal.scheme();
        List<Entry> entries = new ArrayList<>();
        schemeFields(current, next, entries);

        // Which old label each new label is.
        Map<String, String> oldOf = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        for (LabelScheme.Label label : next.labels()) {
            String from = proposal.labelRenames().get(label.name());
            if (from != null) {
                if (current.label(from).isEmpty()) {
                    problems.add("label '" + label.name() + "' is renamed from '" + from
                            + "', which the current version does not have");
                    continue;
                }
                if (next.label(from).isPresent()) {
                    problems.add("label '" + label.name() + "' is renamed from '" + from
                            + "', but the new version still has a label '" + from + "'");
                    continue;
                }
            }
            String old = from != null ? from : label.name();
            if (current.label(old).isPresent()) {
                if (!claimed.add(old)) {
                    problems.add("label '" + old + "' is renamed twice");
                    continue;
                }
                oldOf.put(label.name(), old);
            }
        }
        Map<String, String> newOf = new HashMap<>();
        oldOf.forEach((n, o) -> newOf.put(o, n));

        Map<String, String> labelMoves = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributeMoves = new LinkedHashMap<>();
        Set<String> droppedLabels = new LinkedHashSet<>();
        Map<String, Set<String>> droppedAttributes = new LinkedHashMap<>();

        // Labels of the current version that the new one does not carry on.
        for (LabelScheme.Label old : current.labels()) {
            if (newOf.containsKey(old.name())) {
                continue;
            }
            String target = proposal.labelMappings().get(old.name());
            if (target == null) {
                droppedLabels.add(old.name());
                entries.add(new Entry(Kind.LABEL_REMOVED, old.name(), null, null, null, null));
            } else if (next.label(target).isEmpty()) {
                problems.add("'mappings.labels' maps '" + old.name() + "' to '" + target
                        + "', which the new version does not have");
            } else {
                labelMoves.put(old.name(), target);
                entries.add(new Entry(Kind.LABEL_MAPPED, old.name(), null, null, old.name(), target));
            }
        }
        proposal.labelMappings().keySet().forEach(mapped -> {
            if (current.label(mapped).isEmpty()) {
                problems.add("'mappings.labels' maps '" + mapped + "', which the current version does not have");
            } else if (newOf.containsKey(mapped)) {
                problems.add("'mappings.labels' maps '" + mapped + "', which the new version keeps (as '"
                        + newOf.get(mapped) + "'); only a removed label can be mapped");
            }
        });

        for (LabelScheme.Label label : next.labels()) {
            String old = oldOf.get(label.name());
            if (old == null) {
                entries.add(new Entry(Kind.LABEL_ADDED, label.name(), null, null, null, null));
                if (proposal.attributeRenames().containsKey(label.name())) {
                    problems.add("label '" + label.name() + "' is new, so its attributes cannot be renamed");
                }
                continue;
            }
            LabelScheme.Label before = current.label(old).orElseThrow();
            if (!old.equals(label.name())) {
                labelMoves.put(old, label.name());
                entries.add(new Entry(Kind.LABEL_RENAMED, label.name(), null, null, old, label.name()));
            }
            labelFields(before, label, entries);
            attributes(before, label, proposal, attributeMoves, droppedAttributes, entries, problems);
        }
        proposal.attributeMappings().forEach((oldLabel, mapping) -> {
            LabelScheme.Label before = current.label(oldLabel).orElse(null);
            if (before == null) {
                problems.add("'mappings.attributes' names the label '" + oldLabel
                        + "', which the current version does not have");
                return;
            }
            String newLabel = newOf.containsKey(oldLabel) ? newOf.get(oldLabel) : labelMoves.get(oldLabel);
            LabelScheme.Label after = newLabel == null ? null : next.label(newLabel).orElse(null);
            mapping.forEach((oldAttribute, target) -> {
                if (before.attribute(oldAttribute).isEmpty()) {
                    problems.add("'mappings.attributes." + oldLabel + "' maps '" + oldAttribute
                            + "', which that label does not have");
                } else if (after == null || after.attribute(target).isEmpty()) {
                    problems.add("'mappings.attributes." + oldLabel + "' maps '" + oldAttribute + "' to '" + target
                            + "', which " + (after == null ? "no label of the new version" : "label " + after.name())
                            + " does not have");
                } else if (newOf.containsKey(oldLabel) && kept(before, after, oldAttribute, proposal)) {
                    problems.add("'mappings.attributes." + oldLabel + "' maps '" + oldAttribute
                            + "', which the new version keeps; only a removed attribute can be mapped");
                } else if (!newOf.containsKey(oldLabel)) {
                    // A mapped label's attribute: its values move to the target label's attribute.
                    attributeMoves.computeIfAbsent(oldLabel, l -> new LinkedHashMap<>()).put(oldAttribute, target);
                    entries.add(new Entry(Kind.ATTRIBUTE_MAPPED, oldLabel, oldAttribute, null, oldAttribute,
                            after.name() + "." + target));
                }
            });
        });
        Set<String> droppedRelations = relations(current, next, labelMoves, entries);
        return new SchemePlan(new SchemeDiff(entries), new SchemeMigration(labelMoves, attributeMoves),
                droppedLabels, droppedAttributes, droppedRelations, problems);
    }

    /**
     * The relation types' changes, by name (a relation type is not renamed: it is removed and another
     * added); the removed ones. Ends that only follow a label's rename or mapping are no change.
     */
    private static Set<String> relations(LabelScheme current, LabelScheme next, Map<String, String> labelMoves,
                                         List<Entry> entries) {
        Set<String> dropped = new LinkedHashSet<>();
        for (LabelScheme.RelationType before : current.relations()) {
            LabelScheme.RelationType after = next.relation(before.name()).orElse(null);
            if (after == null) {
                dropped.add(before.name());
                entries.add(new Entry(Kind.RELATION_REMOVED, before.name(), null, null, null, null));
                continue;
            }
            field(entries, Kind.RELATION_CHANGED, after.name(), null, "title", before.title(), after.title());
            // The ends are sets of labels: the same labels in another order are no change.
            if (!followed(before.from(), labelMoves).equals(Set.copyOf(after.from()))) {
                field(entries, Kind.RELATION_CHANGED, after.name(), null, "from", String.join(", ", before.from()),
                        String.join(", ", after.from()));
            }
            if (!followed(before.to(), labelMoves).equals(Set.copyOf(after.to()))) {
                field(entries, Kind.RELATION_CHANGED, after.name(), null, "to", String.join(", ", before.to()),
                        String.join(", ", after.to()));
            }
            field(entries, Kind.RELATION_CHANGED, after.name(), null, "description", before.description(),
                    after.description());
        }
        for (LabelScheme.RelationType after : next.relations()) {
            if (current.relation(after.name()).isEmpty()) {
                entries.add(new Entry(Kind.RELATION_ADDED, after.name(), null, null, null, null));
            }
        }
        return dropped;
    }

    private static Set<String> followed(List<String> labels, Map<String, String> labelMoves) {
        Set<String> followed = new HashSet<>();
        labels.forEach(l -> followed.add(labelMoves.getOrDefault(l, l)));
        return followed;
    }

    private static boolean kept(LabelScheme.Label before, LabelScheme.Label after, String oldAttribute,
                                SchemeProposal proposal) {
        Map<String, String> renames = proposal.attributeRenames().getOrDefault(after.name(), Map.of());
        return after.attributes().stream().anyMatch(a -> renames.getOrDefault(a.name(), a.name()).equals(oldAttribute));
    }

    private static void schemeFields(LabelScheme current, LabelScheme next, List<Entry> entries) {
        if (differ(current.name(), next.name())) {
            entries.add(changed(Kind.SCHEME_CHANGED, null, null, "name", current.name(), next.name()));
        }
        if (differ(current.version(), next.version())) {
            entries.add(changed(Kind.SCHEME_CHANGED, null, null, "version", current.version(), next.version()));
        }
        if (differ(current.description(), next.description())) {
            entries.add(changed(Kind.SCHEME_CHANGED, null, null, "description", current.description(),
                    next.description()));
        }
    }

    private static void labelFields(LabelScheme.Label before, LabelScheme.Label after, List<Entry> entries) {
        String name = after.name();
        if (!before.archived().equals(after.archived())) {
            entries.add(new Entry(after.archived() ? Kind.LABEL_ARCHIVED : Kind.LABEL_RESTORED, name, null, null,
                    null, null));
        }
        field(entries, Kind.LABEL_CHANGED, name, null, "title", before.title(), after.title());
        field(entries, Kind.LABEL_CHANGED, name, null, "colour", before.color(), after.color());
        field(entries, Kind.LABEL_CHANGED, name, null, "hotkey", blankToNull(before.hotkey()),
                blankToNull(after.hotkey()));
        field(entries, Kind.LABEL_CHANGED, name, null, "description", before.description(), after.description());
    }

    private static void attributes(LabelScheme.Label before, LabelScheme.Label after, SchemeProposal proposal,
                                   Map<String, Map<String, String>> moves, Map<String, Set<String>> dropped,
                                   List<Entry> entries, List<String> problems) {
        Map<String, String> renames = proposal.attributeRenames().getOrDefault(after.name(), Map.of());
        Map<String, String> mappings = proposal.attributeMappings().getOrDefault(before.name(), Map.of());
        Set<String> claimed = new HashSet<>();
        for (LabelScheme.Attribute attribute : after.attributes()) {
            String from = renames.get(attribute.name());
            if (from != null && before.attribute(from).isEmpty()) {
                problems.add("label '" + after.name() + "': attribute '" + attribute.name() + "' is renamed from '"
                        + from + "', which " + before.name() + " does not have");
                continue;
            }
            if (from != null && after.attribute(from).isPresent()) {
                problems.add("label '" + after.name() + "': attribute '" + attribute.name() + "' is renamed from '"
                        + from + "', but the label still has an attribute '" + from + "'");
                continue;
            }
            String old = from != null ? from : attribute.name();
            LabelScheme.Attribute was = before.attribute(old).orElse(null);
            if (was == null) {
                entries.add(new Entry(Kind.ATTRIBUTE_ADDED, after.name(), attribute.name(), null, null, null));
                continue;
            }
            if (!claimed.add(old)) {
                problems.add("label '" + after.name() + "': attribute '" + old + "' is renamed twice");
                continue;
            }
            if (!old.equals(attribute.name())) {
                moves.computeIfAbsent(before.name(), l -> new LinkedHashMap<>()).put(old, attribute.name());
                entries.add(new Entry(Kind.ATTRIBUTE_RENAMED, after.name(), attribute.name(), null, old,
                        attribute.name()));
            }
            attributeFields(after.name(), was, attribute, entries);
        }
        for (LabelScheme.Attribute was : before.attributes()) {
            if (claimed.contains(was.name())) {
                continue;
            }
            String target = mappings.get(was.name());
            if (target == null) {
                dropped.computeIfAbsent(before.name(), l -> new LinkedHashSet<>()).add(was.name());
                entries.add(new Entry(Kind.ATTRIBUTE_REMOVED, after.name(), was.name(), null, null, null));
            } else if (after.attribute(target).isPresent()) {
                moves.computeIfAbsent(before.name(), l -> new LinkedHashMap<>()).put(was.name(), target);
                entries.add(new Entry(Kind.ATTRIBUTE_MAPPED, after.name(), was.name(), null, was.name(),
                        after.name() + "." + target));
            }
        }
    }

    private static void attributeFields(String label, LabelScheme.Attribute before, LabelScheme.Attribute after,
                                        List<Entry> entries) {
        String name = after.name();
        if (!before.archived().equals(after.archived())) {
            entries.add(new Entry(after.archived() ? Kind.ATTRIBUTE_ARCHIVED : Kind.ATTRIBUTE_RESTORED, label, name,
                    null, null, null));
        }
        field(entries, Kind.ATTRIBUTE_CHANGED, label, name, "title", before.title(), after.title());
        field(entries, Kind.ATTRIBUTE_CHANGED, label, name, "type", before.type(), after.type());
        field(entries, Kind.ATTRIBUTE_CHANGED, label, name, "values", before.values().isEmpty() ? null
                : String.join(", ", before.values()), after.values().isEmpty() ? null : String.join(", ", after.values()));
        field(entries, Kind.ATTRIBUTE_CHANGED, label, name, "required", before.required(), after.required());
        field(entries, Kind.ATTRIBUTE_CHANGED, label, name, "description", before.description(), after.description());
    }

    private static void field(List<Entry> entries, Kind kind, String label, String attribute, String field,
                              Object before, Object after) {
        if (differ(before, after)) {
            entries.add(changed(kind, label, attribute, field, before, after));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
