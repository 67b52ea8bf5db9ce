package org.corroborate.review.agreement;

import java.util.List;
import java.util.Map;

/**
 * A stretch {@code [start, end)} of a source (code points) where the reviewers compared differ: a
 * group of overlapping spans, whatever their labels, in which not every compared reviewer made the
 * same spans with the same labels. {@code versions} holds each compared reviewer's spans in the
 * group, in reviewer order (an empty list: that reviewer labelled nothing there).
 */
public record Disagreement(long sourceId, String sourceTitle, int start, int end, String text,
                           Map<String, List<Version>> versions) {

    /** One reviewer's span in the group, with the text it covers. */
    public record Version(String label, int start, int end, String text) {}
}
