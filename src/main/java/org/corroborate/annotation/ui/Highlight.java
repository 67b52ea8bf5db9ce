package org.corroborate.annotation.ui;

/**
 * An annotation as {@code <cb-source-text>} draws it: offsets in code points, the label's colour,
 * {@code mine} drawn solid and colleagues' dashed, and the tooltip's text.
 */
public record Highlight(String id, int start, int end, String label, String color, boolean mine, String tooltip) {}
