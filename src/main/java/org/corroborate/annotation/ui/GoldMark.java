package org.corroborate.annotation.ui;

import java.util.Map;

/**
 * A span of a source's gold layer as the workspace shows it, read-only: the decision that put it
 * there, its offsets (code points), label, attribute values by name, note and covered text, and who
 * decided it and why. The workspace gets these from {@link WorkspaceExtension#goldLayer}.
 */
public record GoldMark(long decision, int start, int end, String label, Map<String, String> attributes, String note,
                       String text, String reason, String decidedBy) {

    /** The id of its highlight in the text: never a number, so it is never taken for an annotation's. */
    public String highlightId() {
        return "gold-" + decision;
    }
}
