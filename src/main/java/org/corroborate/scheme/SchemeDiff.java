package org.corroborate.scheme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What one version of a scheme changes against the version before it, one entry per change, in the
 * order a person reads them: the scheme's own fields, then label by label (added, removed, renamed,
 * mapped, archived, restored, changed), each label's attributes after it.
 */
public record SchemeDiff(List<Entry> entries) {

    public SchemeDiff {
        entries = List.copyOf(entries);
    }

    /** Whether the two versions are the same. */
    @JsonIgnore
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries as one line of text, for lists and the audit trail; "no change" when empty. */
    public String summary() {
        return entries.isEmpty() ? "no change" : String.join("; ", entries.stream().map(Entry::text).toList());
    }

    /** The kinds of change. */
    public enum Kind {
        SCHEME_CHANGED, LABEL_ADDED, LABEL_REMOVED, LABEL_RENAMED, LABEL_MAPPED, LABEL_ARCHIVED, LABEL_RESTORED,
        LABEL_CHANGED, ATTRIBUTE_ADDED, ATTRIBUTE_REMOVED, ATTRIBUTE_RENAMED, ATTRIBUTE_MAPPED, ATTRIBUTE_ARCHIVED,
        ATTRIBUTE_RESTORED, ATTRIBUTE_CHANGED, RELATION_ADDED, RELATION_REMOVED, RELATION_CHANGED
    }

    /**
     * One change. {@code label} is the label's name in the new version (the old one for a removed or
     * mapped label); {@code attribute} likewise, null for a label's own change; {@code field} names
     * what changed ({@code color}, {@code hotkey}, {@code type}, {@code required}…) for the
     * {@code *_CHANGED} kinds; {@code before} and {@code after} are the old and new values (old and
     * new names for a rename, the target for a mapping), as text or null. For the {@code RELATION_*}
     * kinds {@code label} holds the relation type's name.
     */
    public record Entry(Kind kind, String label, String attribute, String field, String before, String after) {

        /** The change in words, such as "label ALLEGATION renamed to CLAIM". */
        @JsonProperty("text")
        public String text() {
            String where = attribute == null ? "label " + label : label + "." + attribute;
            String attr = "attribute " + where;
            return switch (kind) {
                case SCHEME_CHANGED -> "scheme " + field + " " + quote(before) + " → " + quote(after);
                case LABEL_ADDED -> "label " + label + " added";
                case LABEL_REMOVED -> "label " + label + " removed";
                case LABEL_RENAMED -> "label " + before + " renamed to " + after;
                case LABEL_MAPPED -> "label " + label + " removed, its spans mapped to " + after;
                case LABEL_ARCHIVED -> "label " + label + " archived";
                case LABEL_RESTORED -> "label " + label + " restored from the archive";
                case LABEL_CHANGED, ATTRIBUTE_CHANGED -> where + ": " + field + " " + quote(before) + " → " + quote(after);
                case ATTRIBUTE_ADDED -> attr + " added";
                case ATTRIBUTE_REMOVED -> attr + " removed";
                case ATTRIBUTE_RENAMED -> "attribute " + label + "." + before + " renamed to " + after;
                case ATTRIBUTE_MAPPED -> attr + " removed, its values mapped to " + after;
                case ATTRIBUTE_ARCHIVED -> attr + " archived";
                case ATTRIBUTE_RESTORED -> attr + " restored from the archive";
                case RELATION_ADDED -> "relation type " + label + " added";
                case RELATION_REMOVED -> "relation type " + label + " removed";
                case RELATION_CHANGED -> "relation type " + label + ": " + field + " " + quote(before) + " → "
                        + quote(after);
            };
        }

        private static String quote(String value) {
            return value == null ? "(none)" : "'" + value + "'";
        }
    }

    static Entry changed(Kind kind, String label, String attribute, String field, Object before, Object after) {
        return new Entry(kind, label, attribute, field, before == null ? null : String.valueOf(before),
                after == null ? null : String.valueOf(after));
    }

    static boolean differ(Object a, Object b) {
        return !Objects.equals(a, b);
    }
}
