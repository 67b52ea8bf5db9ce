package org.corroborate.claim.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corroborate.claim.nlp.EnglishText.Token;

/**
 * One word of an excerpt as the drift readers see it: an OpenNLP token with hyphens taken out
 * ("twenty - one", "34- year - old" become words joined by a hyphen) and a possessive "'s" cut off.
 *
 * @param text         the word as written (no hyphen, no possessive)
 * @param lower        {@code text} in lower case
 * @param start        where it starts in the excerpt, code points
 * @param end          where it ends, exclusive, code points
 * @param tag          its Universal POS tag from OpenNLP
 * @param joinedBefore whether a hyphen joins it to the word before ("twenty-one", "34-year-old")
 */
record Word(String text, String lower, int start, int end, String tag, boolean joinedBefore) {

    /** Whether the word starts with an upper-case letter. */
    boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** Whether the word is all digits, possibly with thousands commas and a decimal point ("1,200", "2.5"). */
    boolean digits() {
        return text.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
    }

    /** The words of a token list: hyphens become joins between words, possessives are cut. */
    static List<Word> of(List<Token> tokens) {
        List<Word> words = new ArrayList<>(tokens.size());
        int lastWordEnd = -1;
        int hyphenEnd = -1;
        for (Token token : tokens) {
            String text = token.text();
            String tag = token.tag().replace("+PART", "");
            int position = token.start();
            int partStart = 0;
            // Split on hyphens inside the token ("thirty-four", "34-", "-old"): a hyphen touching words on both sides joins them.
            for (int i = 0; i <= text.length(); i++) {
                if (i < text.length() && !isHyphen(text.charAt(i))) {
                    continue;
                }
                String part = text.substring(partStart, i);
                int length = part.codePointCount(0, part.length());
                if (length > 0) {
                    String shown = part;
                    int end = position + length;
                    if ((part.endsWith("'s") || part.endsWith("\u2019s")) && part.length() > 2) {
                        shown = part.substring(0, part.length() - 2);
                        end -= 2;
                    }
                    words.add(new Word(shown, shown.toLowerCase(Locale.ROOT), position, end, tag, hyphenEnd == position));
                    hyphenEnd = -1;
                    lastWordEnd = position + length;
                }
                position += length;
                if (i < text.length()) {
                    hyphenEnd = lastWordEnd == position ? position + 1 : -1;
                    position++;
                }
                partStart = i + 1;
            }
        }
        return words;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }
}
