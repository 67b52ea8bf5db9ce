package org.corroborate.scheme;

import java.util.Map;
import java.util.TreeMap;
import org.corroborate.base.WorkbenchException;

/**
 * How the labelled spans of a project follow a change of its scheme: label renames and mappings
 * (old name to new) and attribute renames and mappings (old label, old attribute, to new attribute).
 * Only real moves are listed. Values of attributes the new label does not declare stay on the span
 * as they are, so no value is ever lost.
 */
public record SchemeMigration(Map<String, String> labels, Map<String, Map<String, String>> attributes) {

    public SchemeMigration {
        labels = Map.copyOf(labels);
        attributes = Map.copyOf(attributes);
    }

    /** Whether no span has to change. */
    public boolean isEmpty() {
        return labels.isEmpty() && attributes.values().stream().allMatch(Map::isEmpty);
    }

    /** Whether a span of that label (with any values) may have to change. */
    public boolean touches(String label) {
        return labels.containsKey(label) || !attributes.getOrDefault(label, Map.of()).isEmpty();
    }

    /**
     * Where a span with this label and these values ends up, or null when it stays as it is. An
     * attribute moved onto one that already has another value on the same span is refused (409),
     * naming {@code what} (the span), since one of the two values would be lost.
     */
    public Moved apply(String label, Map<String, String> values, String what) {
        if (!touches(label)) {
            return null;
        }
        String newLabel = labels.getOrDefault(label, label);
        Map<String, String> renames = attributes.getOrDefault(label, Map.of());
        Map<String, String> moved = new TreeMap<>();
        values.forEach((name, value) -> {
            String target = renames.getOrDefault(name, name);
            String there = moved.put(target, value);
            if (there != null && !there.equals(value)) {
                throw WorkbenchException.conflict(what + " has the values '" + there + "' and '" + value
                        + "' for the attributes that both become '" + target + "'; nothing was changed. Change one "
                        + "of them first, or map the attribute elsewhere.");
            }
        });
        if (newLabel.equals(label) && moved.equals(new TreeMap<>(values))) {
            return null;
        }
        return new Moved(newLabel, moved);
    }

    /** A span's label and values after the change. */
    public record Moved(String label, Map<String, String> attributes) {

        public Moved {
            attributes = Map.copyOf(attributes);
        }
    }
}
