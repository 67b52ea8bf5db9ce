package org.corroborate.claim.suggestion;

import java.util.ArrayList;
import java.util.List;
import org.corroborate.base.CodePoints;
import org.corroborate.claim.nlp.EnglishText;
import org.springframework.stereotype.Component;

/**
 * Cuts a source's text into passages: its sentences ({@link EnglishText}), each further cut at line
 * breaks (a headline, a byline or a list item is a passage of its own, never glued to the sentence
 * after it), trimmed; stretches without a letter or digit are left out. Offsets are code points.
 */
@Component
class Passages {

    private final EnglishText english;

    Passages(EnglishText english) {
        this.english = english;
    }

    /** The passages of one source, in text order, with score 0. */
    List<Passage> of(long project, long source, String text) {
        CodePoints points = new CodePoints(text);
        List<Passage> passages = new ArrayList<>();
        for (EnglishText.TextSpan sentence : english.sentences(text)) {
            int from = points.toUtf16(sentence.start());
            int to = points.toUtf16(sentence.end());
            while (from < to) {
                int lineEnd = text.indexOf('\n', from);
                if (lineEnd < 0 || lineEnd > to) {
                    lineEnd = to;
                }
                add(passages, project, source, text, points, from, lineEnd);
                from = lineEnd + 1;
            }
        }
        return passages;
    }

    /** Adds {@code text[from, to)} (UTF-16 indices) trimmed, unless it holds no letter or digit. */
    private static void add(List<Passage> passages, long project, long source, String text, CodePoints points,
                            int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        String piece = text.substring(from, to);
        if (piece.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        passages.add(new Passage(project, source, points.fromUtf16(from), points.fromUtf16(to), piece, 0));
    }
}
