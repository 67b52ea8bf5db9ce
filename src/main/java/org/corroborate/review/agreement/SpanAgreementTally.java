package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Span F1, exact and overlap, accumulated one source at a time, so a summary of agreement can ride
 * along a streamed export without holding the corpus. The figures are those of {@link ExactSpanF1}
 * and {@link OverlapSpanF1} over the same sources and participants: a pair is compared only on the
 * sources both took part in, per pair 2 * matched / (spans of one + spans of the other) there, and
 * overall pooled over all pairs; null where a pair shared no source or neither made a span in the
 * sources they shared. Not thread-safe: one tally per export.
 */
public final class SpanAgreementTally {

    private final SpanF1 exact = new ExactSpanF1();
    private final SpanF1 overlap = new OverlapSpanF1();
    private final Map<String, Long> spansByReviewer = new TreeMap<>();
    /** Per pair of reviewers (in name order): matched spans exact, overlap, and spans of both, on shared sources. */
    private final Map<String, Map<String, long[]>> matched = new HashMap<>();

    /** Adds one source's spans, every reviewer's; the participants are the spans' authors. */
    public void add(List<ReviewerSpan> spans) {
        add(spans, spans.stream().map(ReviewerSpan::reviewer).toList());
    }

    /**
     * Adds one source's spans and who took part in it: a participant with no span there is
     * compared as having labelled nothing (the spans' authors take part in any case).
     */
    public void add(List<ReviewerSpan> spans, Collection<String> participants) {
        Map<String, Map<String, List<ReviewerSpan>>> byReviewer = new TreeMap<>();
        participants.forEach(p -> byReviewer.put(p, new HashMap<>()));
        for (ReviewerSpan span : spans) {
            byReviewer.computeIfAbsent(span.reviewer(), r -> new HashMap<>())
                    .computeIfAbsent(span.label(), l -> new ArrayList<>()).add(span);
        }
        byReviewer.forEach((reviewer, labels) -> spansByReviewer.merge(reviewer,
                (long) labels.values().stream().mapToInt(List::size).sum(), Long::sum));
        List<String> present = new ArrayList<>(byReviewer.keySet());
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                Map<String, List<ReviewerSpan>> a = byReviewer.get(present.get(i));
                Map<String, List<ReviewerSpan>> b = byReviewer.get(present.get(j));
                long[] sums = matched.computeIfAbsent(present.get(i), r -> new HashMap<>())
                        .computeIfAbsent(present.get(j), r -> new long[3]);
                for (String label : a.keySet()) {
                    List<ReviewerSpan> la = a.get(label);
                    List<ReviewerSpan> lb = b.getOrDefault(label, List.of());
                    sums[0] += exact.matched(la, lb);
                    sums[1] += overlap.matched(la, lb);
                }
                sums[2] += a.values().stream().mapToInt(List::size).sum() + b.values().stream().mapToInt(List::size).sum();
            }
        }
    }

    /** The figures so far; a figure is null where no pair of reviewers had spans on a source they shared. */
    public Summary summary() {
        List<String> reviewers = new ArrayList<>(new TreeSet<>(spansByReviewer.keySet()));
        List<Pair> pairs = new ArrayList<>();
        long exactAll = 0;
        long overlapAll = 0;
        long sizeAll = 0;
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                long[] sums = matched.getOrDefault(reviewers.get(i), Map.of()).getOrDefault(reviewers.get(j),
                        new long[3]);
                pairs.add(new Pair(reviewers.get(i), reviewers.get(j), f1(sums[0], sums[2]), f1(sums[1], sums[2])));
                exactAll += sums[0];
                overlapAll += sums[1];
                sizeAll += sums[2];
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

    /** One pair's span F1 over the sources both took part in; null where there was nothing to compare. */
    public record Pair(String first, String second, Double spanF1Exact, Double spanF1Overlap) {}
}
