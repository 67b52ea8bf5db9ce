package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where reviewers differ on one source: their spans grouped by overlap, whatever the label
 * (a span joins a group when it overlaps any span already in it), and a group kept when not every
 * compared reviewer made the same spans with the same labels in it. Grouping across labels shows a
 * label chosen differently for the same words as one disagreement, not two.
 */
final class Disagreements {

    /** A group {@code [start, end)} of overlapping spans, each compared reviewer's in reviewer order. */
    record Group(int start, int end, Map<String, List<ReviewerSpan>> spans) {}

    private static final Comparator<ReviewerSpan> ORDER = Comparator.comparingInt(ReviewerSpan::start)
            .thenComparingInt(ReviewerSpan::end).thenComparing(ReviewerSpan::label);

    private Disagreements() {}

    /** The groups in which the reviewers differ, in text order; {@code byReviewer} holds the source's spans. */
    static List<Group> of(Map<String, List<ReviewerSpan>> byReviewer, List<String> reviewers) {
        List<ReviewerSpan> all = new ArrayList<>();
        reviewers.forEach(r -> all.addAll(byReviewer.getOrDefault(r, List.of())));
        all.sort(ORDER);
        List<Group> differing = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            int start = all.get(i).start();
            int end = all.get(i).end();
            int j = i + 1;
            while (j < all.size() && all.get(j).start() < end) {
                end = Math.max(end, all.get(j).end());
                j++;
            }
            Map<String, List<ReviewerSpan>> spans = new LinkedHashMap<>();
            reviewers.forEach(r -> spans.put(r, new ArrayList<>()));
            all.subList(i, j).forEach(s -> spans.get(s.reviewer()).add(s));
            if (!allSame(spans)) {
                differing.add(new Group(start, end, spans));
            }
            i = j;
        }
        return differing;
    }

    private static boolean allSame(Map<String, List<ReviewerSpan>> spans) {
        List<String> first = null;
        for (List<ReviewerSpan> own : spans.values()) {
            List<String> keys = own.stream().map(s -> s.start() + "-" + s.end() + ":" + s.label()).sorted().toList();
            if (first == null) {
                first = keys;
            } else if (!first.equals(keys)) {
                return false;
            }
        }
        return true;
    }
}
