package org.corroborate.annotation;

import org.corroborate.base.CodePoints;

/** A [start, end) range of a source in code points, checked by {@link LabelledSpanRules}, with the text it covers and around it. */
record Span(int start, int end, String text, String before, String after) {

    static final int CONTEXT = 40;

    static Span of(CodePoints text, int start, int end) {
        String covered = LabelledSpanRules.covered(text, start, end);
        return new Span(start, end, covered, text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)));
    }
}
