package org.corroborate.annotation;

import org.corroborate.base.CodePoints;
import org.corroborate.base.WorkbenchException;

/** A validated [start, end) range of a source in code points, with the text it covers and around it. */
record Span(int start, int end, String text, String before, String after) {

    static final int CONTEXT = 40;

    static Span of(CodePoints text, int start, int end) {
        if (start < 0 || end < 0) {
            throw WorkbenchException.badInput("A span cannot start or end before 0 (got " + start + ".." + end + ").");
        }
        if (end < start) {
            throw WorkbenchException.badInput("A span must end after it starts (got " + start + ".." + end + ").");
        }
        if (end == start) {
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
        return new Span(start, end, covered, text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)));
    }
}
