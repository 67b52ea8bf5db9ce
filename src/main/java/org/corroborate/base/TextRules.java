package org.corroborate.base;

/**
 * The one rule for every piece of text that comes in (notes, attribute values, comments, reasons,
 * titles, names): no NUL, no other C0 control character but tab, line feed and carriage return,
 * and no lone UTF-16 surrogate. Such characters cannot be written as UTF-8 or shown, and they
 * break exports downstream, so they are refused with a message that names the field, never
 * silently dropped. Services call it, so the API and the UI are held to the same rule.
 */
public final class TextRules {

    private TextRules() {}

    /** Returns the value unchanged (null stays null), or refuses it naming the field and the character. */
    public static String check(String field, String value) {
        String problem = problem(value, false);
        if (problem != null) {
            throw WorkbenchException.badInput("'" + field + "' " + problem);
        }
        return value;
    }

    /** As {@link #check}, for one-line values such as names: tabs and line breaks are refused too. */
    public static String line(String field, String value) {
        String problem = problem(value, true);
        if (problem != null) {
            throw WorkbenchException.badInput("'" + field + "' " + problem);
        }
        return value;
    }

    /** What is wrong with the value, as the end of a sentence, or null when it is acceptable text. */
    public static String problem(String value, boolean oneLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && (oneLine || c != '\t' && c != '\n' && c != '\r')) {
                return "holds the control character " + name(c) + " at position " + (i + 1) + "; "
                        + (oneLine ? "it must be one line of printable text."
                        : "only tab, line feed and carriage return are allowed.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds a lone surrogate " + String.format("U+%04X", (int) c) + " at position " + (i + 1)
                        + ": it is not valid Unicode text.";
            }
        }
        return null;
    }

    private static String name(char c) {
        return String.format("U+%04X", (int) c) + (c == 0 ? " (NUL)" : "");
    }
}
