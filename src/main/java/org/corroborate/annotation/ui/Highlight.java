package org.corroborate.annotation.ui;

/**
 * An annotation as {@code <cb-source-text>} draws it: offsets in code points, the label's colour,
 * {@code mine} drawn solid and colleagues' dashed, and the tooltip's text. A colleague's annotation
 * also carries its author's mark ({@link org.corroborate.base.ui.PersonMark}): the dashes' gaps in
 * {@code authorColor} and {@code authorInitials} at its start; both null for the viewer's own and gold.
 */
public record Highlight(String id, int start, int end, String label, String color, boolean mine, String tooltip,
                       String authorColor, String authorInitials) {

    /** A highlight without an author's mark (the viewer's own, or a gold span). */
    public Highlight(String id, int start, int end, String label, String color, boolean mine, String tooltip) {
        this(id, start, end, label, color, mine, tooltip, null, null);
    }
}
