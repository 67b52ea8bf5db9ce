package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise span F1, the figure practitioners ask for: one reviewer's spans against another's,
 * F1 = 2 * matched / (spans of one + spans of the other), symmetric. Two kinds of match: exact
 * (same start, end and label) and overlap (same label and overlapping, each span matched at most
 * once, largest overlaps first). A span only one reviewer made counts against both.
 */
abstract class SpanF1 implements AgreementMeasure {

    abstract boolean matches(ReviewerSpan a, ReviewerSpan b);

    abstract String title();

    @Override
    public MeasureResult measure(AgreementStudy study) {
        List<MeasureResult.PairScore> pairs = new ArrayList<>();
        long matchedAll = 0;
        long sizeAll = 0;
        Map<String, long[]> perLabelAll = new LinkedHashMap<>();
        List<String> reviewers = study.reviewers();
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                List<ReviewerSpan> a = study.of(reviewers.get(i));
                List<ReviewerSpan> b = study.of(reviewers.get(j));
                long matched = matched(a, b);
                Map<String, Double> perLabel = new LinkedHashMap<>();
                for (String label : study.labels()) {
                    List<ReviewerSpan> la = a.stream().filter(s -> s.label().equals(label)).toList();
                    List<ReviewerSpan> lb = b.stream().filter(s -> s.label().equals(label)).toList();
                    long m = matched(la, lb);
                    perLabel.put(label, f1(m, la.size() + lb.size()));
                    long[] sums = perLabelAll.computeIfAbsent(label, l -> new long[2]);
                    sums[0] += m;
                    sums[1] += la.size() + lb.size();
                }
                pairs.add(new MeasureResult.PairScore(reviewers.get(i), reviewers.get(j), f1(matched, a.size() + b.size()),
                        perLabel));
                matchedAll += matched;
                sizeAll += a.size() + b.size();
            }
        }
        Map<String, Double> perLabel = new LinkedHashMap<>();
        perLabelAll.forEach((label, sums) -> perLabel.put(label, f1(sums[0], sums[1])));
        return new MeasureResult(id(), title(), f1(matchedAll, sizeAll), perLabel, pairs, "span",
                "A span only one reviewer made counts as a miss for the pair; overall pools all pairs (micro F1).");
    }

    /** Matches one-to-one, the largest overlaps first, so each span is used at most once. */
    private long matched(List<ReviewerSpan> a, List<ReviewerSpan> b) {
        List<long[]> candidates = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                if (matches(a.get(i), b.get(j))) {
                    candidates.add(new long[] {a.get(i).overlap(b.get(j)), i, j});
                }
            }
        }
        candidates.sort((x, y) -> Long.compare(y[0], x[0]));
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        long matched = 0;
        for (long[] c : candidates) {
            if (!usedA[(int) c[1]] && !usedB[(int) c[2]]) {
                usedA[(int) c[1]] = true;
                usedB[(int) c[2]] = true;
                matched++;
            }
        }
        return matched;
    }

    private static Double f1(long matched, long total) {
        return total == 0 ? null : 2.0 * matched / total;
    }
}
