package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Span F1, exact and overlap, accumulated one source at a time, so a summary of agreement can ride
 * along a streamed export without holding the corpus. The figures are those of {@link ExactSpanF1}
 * and {@link OverlapSpanF1} over the same sources: per pair 2 * matched / (spans of one + spans of
 * the other), and overall pooled over all pairs. Not thread-safe: one tally per export.
 */
public final class SpanAgreementTally {

    private final SpanF1 exact = new ExactSpanF1();
    private final SpanF1 overlap = new OverlapSpanF1();
    private final Map<String, Long> spansByReviewer = new TreeMap<>();
    /** Per pair of reviewers (in name order): matched spans, exact and overlap. */
    private final Map<String, Map<String, long[]>> matched = new HashMap<>();

    /** Adds one source's spans, every reviewer's. */
    public void add(List<ReviewerSpan> spans) {
        Map<String, Map<String, List<ReviewerSpan>>> byReviewer = new TreeMap<>();
        for (ReviewerSpan span : spans) {
            spansByReviewer.merge(span.reviewer(), 1L, Long::sum);
            byReviewer.computeIfAbsent(span.reviewer(), r -> new HashMap<>())
                    .computeIfAbsent(span.label(), l -> new ArrayList<>()).add(span);
        }
        List<String> present = new ArrayList<>(byReviewer.keySet());
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                Map<String, List<ReviewerSpan>> a = byReviewer.get(present.get(i));
                Map<String, List<ReviewerSpan>> b = byReviewer.get(present.get(j));
                long[] sums = matched.computeIfAbsent(present.get(i), r -> new HashMap<>())
                        .computeIfAbsent(present.get(j), r -> new long[2]);
                for (String label : a.keySet()) {
                    List<ReviewerSpan> la = a.get(label);
                    List<ReviewerSpan> lb = b.getOrDefault(label, List.of());
                    sums[0] += exact.matched(la, lb);
                    sums[1] += overlap.matched(la, lb);
                }
            }
        }
    }

    /** The figures so far; a figure is null where no reviewer pair had spans. */
    public Summary summary() {
        List<String> reviewers = new ArrayList<>(new TreeSet<>(spansByReviewer.keySet()));
        List<Pair> pairs = new ArrayList<>();
        long exactAll = 0;
        long overlapAll = 0;
        long sizeAll = 0;
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                long[] sums = matched.getOrDefault(reviewers.get(i), Map.of()).getOrDefault(reviewers.get(j),
                        new long[2]);
                long size = spansByReviewer.get(reviewers.get(i)) + spansByReviewer.get(reviewers.get(j));
                pairs.add(new Pair(reviewers.get(i), reviewers.get(j), f1(sums[0], size), f1(sums[1], size)));
                exactAll += sums[0];
                overlapAll += sums[1];
                sizeAll += size;
            }
        }
        long spans = spansByReviewer.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(reviewers, spans, f1(exactAll, sizeAll), f1(overlapAll, sizeAll), pairs);
    }

    private static Double f1(long matched, long total) {
        return total == 0 ? null : 2.0 * matched / total;
    }

    /** Span F1 over the sources added: overall (micro, pooled over pairs) and per pair of reviewers. */
    public record Summary(List<String> reviewers, long spans, Double spanF1Exact, Double spanF1Overlap,
                          List<Pair> pairs) {}

    public record Pair(String first, String second, Double spanF1Exact, Double spanF1Overlap) {}
}
