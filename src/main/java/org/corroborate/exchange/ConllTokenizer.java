package org.corroborate.exchange;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer of the CoNLL export, simple enough to state in full (docs/formats.md):
 * <ol>
 *   <li>The text is cut into user-perceived characters (extended grapheme clusters, Unicode UAX #29),
 *       so an emoji with its modifiers or a letter with its combining accents is never split.</li>
 *   <li>A word is a run of clusters that start with a letter, digit or mark. Within a word, one
 *       apostrophe, hyphen, period or comma joins two such runs: {@code don't}, {@code e-mail},
 *       {@code U.S}, {@code 3.5}, {@code 1,000}.</li>
 *   <li>White space as Python's {@code str.split()} knows it ({@link PythonText#isSpace}, U+0085 and
 *       the no-break spaces included) separates tokens and is dropped; every other cluster
 *       (punctuation, symbols, emoji) is a token of its own.</li>
 *   <li>A line end as Python's {@code str.splitlines()} knows it ({@link PythonText#isLineEnd}: LF,
 *       form feed, U+0085, U+2028, ...) ends a sentence: sentences are the text's lines; blank lines
 *       give none.</li>
 * </ol>
 * Offsets are in code points, like every offset the workbench gives out.
 */
final class ConllTokenizer {

    private ConllTokenizer() {}

    /** One token: its text and [start, end) in code points; {@code sentenceStart} marks a new line. */
    record Token(String text, int start, int end, boolean sentenceStart) {}

    static List<Token> tokenize(String text) {
        List<int[]> clusters = clusters(text);
        List<Token> tokens = new ArrayList<>();
        boolean newSentence = true;
        int i = 0;
        while (i < clusters.size()) {
            int[] c = clusters.get(i);
            int first = text.codePointAt(c[0]);
            if (PythonText.isLineEnd(first)) {
                newSentence = true;
                i++;
                continue;
            }
            if (PythonText.isSpace(first)) {
                i++;
                continue;
            }
            int end = i + 1;
            if (isWordStart(first)) {
                while (end < clusters.size()) {
                    int next = text.codePointAt(clusters.get(end)[0]);
                    if (isWordStart(next)) {
                        end++;
                    } else if (isJoiner(next) && end + 1 < clusters.size()
                            && isWordStart(text.codePointAt(clusters.get(end + 1)[0]))) {
                        end += 2;
                    } else {
                        break;
                    }
                }
            }
            int startChar = c[0];
            int endChar = clusters.get(end - 1)[1];
            int start = text.codePointCount(0, startChar);
            tokens.add(new Token(text.substring(startChar, endChar), start,
                    start + text.codePointCount(startChar, endChar), newSentence));
            newSentence = false;
            i = end;
        }
        return tokens;
    }

    /** Grapheme clusters as [start, end) in chars. */
    private static List<int[]> clusters(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        List<int[]> clusters = new ArrayList<>(text.length());
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            clusters.add(new int[] {start, end});
        }
        return clusters;
    }

    private static boolean isWordStart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || Character.getType(codePoint) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isJoiner(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019' || codePoint == '-' || codePoint == '\u2010'
                || codePoint == '.' || codePoint == ',';
    }
}
