package org.corroborate.annotation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.base.CodePoints;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.LabelScheme;

/**
 * The one rule set for a labelled span, whoever makes it: a reviewer's annotation, a supervisor's
 * gold span, or a span read from an imported corpus. Offsets count code points and name a non-empty
 * {@code [start, end)} within the text that is not white space only; the label is one of the
 * scheme's; attributes are the label's own, stripped, at most {@value #MAX_ATTRIBUTE} characters
 * (UTF-16 units, as Java and the browser count them), and valid for their {@link
 * org.corroborate.scheme.AttributeType}; a required attribute has a value; the note is stripped and
 * at most {@value #MAX_NOTE} characters. Each check refuses with {@link WorkbenchException#badInput}
 * and a message that says what is wrong, the same message for every caller.
 */
public final class LabelledSpanRules {

    public static final int MAX_NOTE = 4000;
    public static final int MAX_ATTRIBUTE = 500;

    private final LabelScheme scheme;

    /** The rules under a scheme: labels and attributes are checked against it. */
    public LabelledSpanRules(LabelScheme scheme) {
        this.scheme = scheme;
    }

    /**
     * Checks a whole labelled span in one fixed order (offsets, label, attributes, note), as
     * imported work is checked: past work may carry archived labels and attributes, and the required
     * attributes are not enforced here, see {@link #missing}.
     */
    public LabelledSpan check(CodePoints text, Integer start, Integer end, String labelName,
                              Map<String, String> attributes, String note) {
        String covered = covered(text, start, end);
        LabelScheme.Label label = label(labelName);
        return new LabelledSpan(start, end, covered, label.name(), attributes(label, attributes, Map.of(), false),
                note(note));
    }

    /**
     * {@link #check} for a new span made now: the label must be offered (not archived), archived
     * attributes take no value, and the label's required attributes must have values.
     */
    public LabelledSpan checkComplete(CodePoints text, Integer start, Integer end, String labelName,
                                      Map<String, String> attributes, String note) {
        return checkChange(text, start, end, labelName, attributes, note, null, Map.of());
    }

    /**
     * {@link #checkComplete} for a change of a span that had {@code keptLabel} and {@code keptValues}
     * (possibly under an earlier version of the scheme): the span may keep an archived label, and a
     * value it already had may stay as it was even where the label no longer declares the attribute,
     * has archived it or would no longer accept the value; nothing a span holds is dropped unasked.
     */
    public LabelledSpan checkChange(CodePoints text, Integer start, Integer end, String labelName,
                                    Map<String, String> attributes, String note, String keptLabel,
                                    Map<String, String> keptValues) {
        String covered = covered(text, start, end);
        LabelScheme.Label label = labelName != null && labelName.equals(keptLabel) ? label(labelName)
                : offered(labelName);
        Map<String, String> values = attributes(label, attributes, keptValues, true);
        requireComplete(label, values);
        return new LabelledSpan(start, end, covered, label.name(), values, note(note));
    }

    /** The text {@code [start, end)} covers, once the offsets are found to name a span of it worth a label. */
    public static String covered(CodePoints text, Integer start, Integer end) {
        if (start == null || end == null) {
            throw WorkbenchException.badInput("'start' and 'end' are required.");
        }
        if (start < 0 || end < 0) {
            throw WorkbenchException.badInput("A span cannot start or end before 0 (got " + start + ".." + end + ").");
        }
        if (end < start) {
            throw WorkbenchException.badInput("A span must end after it starts (got " + start + ".." + end + ").");
        }
        if (end.equals(start)) {
            throw WorkbenchException.badInput("A span cannot be empty (start and end are both " + start + ").");
        }
        if (end > text.length()) {
            throw WorkbenchException.badInput("The span " + start + ".." + end + " goes beyond the end of the source "
                    + "(length " + text.length() + " code points).");
        }
        String covered = text.substring(start, end);
        if (covered.isBlank()) {
            throw WorkbenchException.badInput("The span " + start + ".." + end + " covers only white space.");
        }
        return covered;
    }

    /** The scheme's label of that name. */
    public LabelScheme.Label label(String name) {
        if (name == null || name.isBlank()) {
            throw WorkbenchException.badInput("'label' is required.");
        }
        return scheme.label(name).orElseThrow(() -> WorkbenchException.badInput("Unknown label '" + name
                + "'; the scheme has " + scheme.labels().stream().map(LabelScheme.Label::name).toList() + "."));
    }

    /** A label that new spans may take: the scheme's, and not archived. */
    public LabelScheme.Label offered(String name) {
        LabelScheme.Label label = label(name);
        if (label.archived()) {
            throw WorkbenchException.badInput("The label " + label.name() + " is archived: the spans that have it are "
                    + "kept, but no span can be given it now; the scheme offers " + scheme.offered().stream()
                    .map(LabelScheme.Label::name).toList() + ".");
        }
        return label;
    }

    /**
     * The attribute values as they are kept: only the label's attributes, each stripped, checked
     * for length and by its type; empty values are left out. Null gives none.
     */
    public static Map<String, String> attributes(LabelScheme.Label label, Map<String, String> given) {
        return attributes(label, given, Map.of(), false);
    }

    private static Map<String, String> attributes(LabelScheme.Label label, Map<String, String> given,
                                                  Map<String, String> kept, boolean now) {
        Map<String, String> result = new TreeMap<>();
        if (given == null) {
            return result;
        }
        for (var entry : new TreeMap<>(given).entrySet()) {
            if (entry.getValue() != null && entry.getValue().equals(kept.get(entry.getKey()))) {
                // Already on the span, perhaps from an earlier version of the scheme: kept as it was.
                result.put(entry.getKey(), entry.getValue());
                continue;
            }
            LabelScheme.Attribute attribute = label.attribute(entry.getKey()).orElseThrow(() -> {
                List<String> known = label.attributes().stream().map(LabelScheme.Attribute::name).sorted().toList();
                return WorkbenchException.badInput("The label " + label.name() + " has no attribute '"
                        + entry.getKey() + "'" + (known.isEmpty() ? "." : "; it has " + known + "."));
            });
            String value = entry.getValue() == null ? ""
                    : TextRules.check("attributes." + entry.getKey(), entry.getValue()).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_ATTRIBUTE) {
                throw WorkbenchException.badInput("'" + entry.getKey() + "' is longer than " + MAX_ATTRIBUTE
                        + " characters.");
            }
            if (now && attribute.archived()) {
                throw WorkbenchException.badInput("The attribute '" + attribute.name() + "' of " + label.name()
                        + " is archived: the values spans have are kept, but it takes no new ones.");
            }
            attribute.attributeType().refusal(attribute, value).ifPresent(why -> {
                throw WorkbenchException.badInput(why);
            });
            result.put(entry.getKey(), value);
        }
        return result;
    }

    /** The label's required attributes that have no value among these, in the scheme's order. */
    public static List<LabelScheme.Attribute> missing(LabelScheme.Label label, Map<String, String> values) {
        return label.attributes().stream()
                .filter(a -> a.demanded() && (values == null || values.get(a.name()) == null
                        || values.get(a.name()).isBlank()))
                .toList();
    }

    /** Refuses values that leave a required attribute of the label without one. */
    public static void requireComplete(LabelScheme.Label label, Map<String, String> values) {
        List<LabelScheme.Attribute> missing = missing(label, values);
        if (!missing.isEmpty()) {
            throw WorkbenchException.badInput(describeMissing(label, missing) + ": give "
                    + (missing.size() == 1 ? "it a value." : "them values."));
        }
    }

    /** Says which required attributes a span of the label lacks, as a clause without a full stop. */
    public static String describeMissing(LabelScheme.Label label, List<LabelScheme.Attribute> missing) {
        return "A " + label.name() + " span needs " + (missing.size() == 1 ? "the required attribute "
                : "the required attributes ") + String.join(", ", missing.stream()
                .map(a -> "'" + a.name() + "' (" + a.title() + ")").toList());
    }

    /**
     * On a label change without new attributes, keeps the values the new label also has; the values
     * of attributes the new label lacks are dropped with the old label, as the person chose.
     */
    public static Map<String, String> keepApplicable(LabelScheme.Label label, Map<String, String> current) {
        Map<String, String> kept = new TreeMap<>();
        label.attributes().forEach(a -> {
            if (current.containsKey(a.name())) {
                kept.put(a.name(), current.get(a.name()));
            }
        });
        return kept;
    }

    /** The note as it is kept: stripped, at most {@value #MAX_NOTE} characters; blank or null gives null. */
    public static String note(String note) {
        TextRules.check("note", note);
        if (note == null || note.isBlank()) {
            return null;
        }
        String stripped = note.strip();
        if (stripped.length() > MAX_NOTE) {
            throw WorkbenchException.badInput("The note is longer than " + MAX_NOTE + " characters.");
        }
        return stripped;
    }

    /**
     * A labelled span that passed the rules: code point offsets, the text it covers, the label's
     * name, the kept attribute values and note (null for none).
     */
    public record LabelledSpan(int start, int end, String text, String label, Map<String, String> attributes,
                               String note) {

        public LabelledSpan {
            attributes = Map.copyOf(attributes);
        }
    }
}
