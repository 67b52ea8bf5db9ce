package org.corroborate.exchange;

/**
 * Two character classes as Python 3's {@code str} methods define them, since brat's reader,
 * doccano and most CoNLL tooling are Python: the characters {@code str.splitlines()} ends a line
 * at, and those {@code str.split()} and {@code str.isspace()} treat as white space. Java's
 * {@code Character.isWhitespace} differs on both sides (it leaves out U+0085 and the no-break
 * spaces), so the formats use these instead.
 */
final class PythonText {

    private PythonText() {}

    /**
     * Whether {@code str.splitlines()} ends a line at this code point: LF, CR, VT, FF, the file,
     * group and record separators U+001C–U+001E, NEL U+0085, and U+2028 and U+2029.
     */
    static boolean isLineEnd(int codePoint) {
        return switch (codePoint) {
            case '\n', '\r', 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029 -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code str.isspace()} holds for this code point, so {@code str.split()} splits at it:
     * tab, the line ends above, U+001F, space, the no-break spaces U+00A0, U+2007 and U+202F, U+1680,
     * U+2000–U+200A, U+205F and U+3000 (bidirectional class WS, B or S, or category Zs).
     */
    static boolean isSpace(int codePoint) {
        if (isLineEnd(codePoint)) {
            return true;
        }
        return switch (codePoint) {
            case '\t', 0x1F, ' ', 0xA0, 0x1680, 0x202F, 0x205F, 0x3000 -> true;
            default -> codePoint >= 0x2000 && codePoint <= 0x200A;
        };
    }

    /** Whether the text holds a character {@link #isLineEnd} names. */
    static boolean hasLineEnd(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isLineEnd(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every {@link #isLineEnd line end} (a CRLF counts as one) replaced by a space. */
    static String oneLine(String text) {
        if (!hasLineEnd(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            out.append(isLineEnd(c) ? ' ' : c);
        }
        return out.toString();
    }
}
