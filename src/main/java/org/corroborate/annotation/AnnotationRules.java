package org.corroborate.annotation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeService;

/**
 * What an annotation may hold: a label of the scheme, only that label's attributes (each at most
 * {@value #MAX_ATTRIBUTE} characters), a note of at most {@value #MAX_NOTE}. Each check refuses
 * with a message that says what is wrong.
 */
final class AnnotationRules {

    static final int MAX_NOTE = 4000;
    static final int MAX_ATTRIBUTE = 500;
    static final int MAX_AUTHOR = 100;

    private final SchemeService schemes;

    AnnotationRules(SchemeService schemes) {
        this.schemes = schemes;
    }

    LabelScheme.Label label(String name) {
        if (name == null || name.isBlank()) {
            throw WorkbenchException.badInput("'label' is required.");
        }
        LabelScheme scheme = schemes.current();
        return scheme.label(name).orElseThrow(() -> WorkbenchException.badInput("Unknown label '" + name
                + "'; the scheme has " + scheme.labels().stream().map(LabelScheme.Label::name).toList() + "."));
    }

    static Map<String, String> attributes(LabelScheme.Label label, Map<String, String> given) {
        Map<String, String> result = new TreeMap<>();
        if (given == null) {
            return result;
        }
        Set<String> known = new TreeSet<>();
        label.attributes().forEach(a -> known.add(a.name()));
        for (var entry : given.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw WorkbenchException.badInput("The label " + label.name() + " has no attribute '" + entry.getKey()
                        + "'" + (known.isEmpty() ? "." : "; it has " + known + "."));
            }
            String value = entry.getValue() == null ? ""
                    : TextRules.check("attributes." + entry.getKey(), entry.getValue()).strip();
            if (value.length() > MAX_ATTRIBUTE) {
                throw WorkbenchException.badInput("'" + entry.getKey() + "' is longer than " + MAX_ATTRIBUTE
                        + " characters.");
            }
            if (!value.isEmpty()) {
                result.put(entry.getKey(), value);
            }
        }
        return result;
    }

    /** On a label change without new attributes, keeps the values the new label also has. */
    static Map<String, String> keepApplicable(LabelScheme.Label label, Map<String, String> current) {
        Map<String, String> kept = new TreeMap<>();
        label.attributes().forEach(a -> {
            if (current.containsKey(a.name())) {
                kept.put(a.name(), current.get(a.name()));
            }
        });
        return kept;
    }

    static String note(String note) {
        TextRules.check("note", note);
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw WorkbenchException.badInput("The note is longer than " + MAX_NOTE + " characters.");
        }
        return note.strip();
    }

    /** An author's name as an imported corpus gives it: present, short, printable. */
    static String author(String author) {
        if (author == null || author.isBlank()) {
            throw WorkbenchException.badInput("The author is missing.");
        }
        String name = TextRules.line("author", author).strip();
        if (name.length() > MAX_AUTHOR || name.codePoints().anyMatch(Character::isISOControl)) {
            throw WorkbenchException.badInput("'" + name.substring(0, Math.min(name.length(), 40))
                    + "' is not a name: at most " + MAX_AUTHOR + " printable characters.");
        }
        return name;
    }
}
