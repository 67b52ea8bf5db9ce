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

    @Override
    public String unit() {
        return "span";
    }

    @Override
    public MeasureDefinition.Range range() {
        return MeasureDefinition.Range.SHARE;
    }

    @Override
    public String incomplete() {
        return "A span only one reviewer made counts as a miss for the pair; overall pools all pairs (micro F1).";
    }

    @Override
    public boolean pairwise() {
        return true;
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        List<MeasureResult.PairScore> pairs = new ArrayList<>();
        long matchedAll = 0;
        long sizeAll = 0;
        Map<String, long[]> perLabelAll = new LinkedHashMap<>();
        List<String> reviewers = study.reviewers();
        var bySource = study.bySource();
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                long matched = 0;
                long size = 0;
                Map<String, long[]> labelSums = new LinkedHashMap<>();
                for (var inSource : bySource.values()) {
                    List<ReviewerSpan> a = inSource.getOrDefault(reviewers.get(i), List.of());
                    List<ReviewerSpan> b = inSource.getOrDefault(reviewers.get(j), List.of());
                    size += a.size() + b.size();
                    for (String label : study.labels()) {
                        List<ReviewerSpan> la = a.stream().filter(s -> s.label().equals(label)).toList();
                        List<ReviewerSpan> lb = b.stream().filter(s -> s.label().equals(label)).toList();
                        // A match needs the same label, so matching label by label is the same as matching all.
                        long m = matched(la, lb);
                        matched += m;
                        long[] sums = labelSums.computeIfAbsent(label, l -> new long[2]);
                        sums[0] += m;
                        sums[1] += la.size() + lb.size();
                    }
                }
                Map<String, Double> perLabel = new LinkedHashMap<>();
                labelSums.forEach((label, sums) -> {
                    perLabel.put(label, f1(sums[0], sums[1]));
                    long[] all = perLabelAll.computeIfAbsent(label, l -> new long[2]);
                    all[0] += sums[0];
                    all[1] += sums[1];
                });
                pairs.add(new MeasureResult.PairScore(reviewers.get(i), reviewers.get(j), f1(matched, size), perLabel));
                matchedAll += matched;
                sizeAll += size;
            }
        }
        Map<String, Double> perLabel = new LinkedHashMap<>();
        perLabelAll.forEach((label, sums) -> perLabel.put(label, f1(sums[0], sums[1])));
        return MeasureResult.of(this, f1(matchedAll, sizeAll), perLabel, pairs);
    }

    /** Matches one-to-one, the largest overlaps first, so each span is used at most once. */
    long matched(List<ReviewerSpan> a, List<ReviewerSpan> b) {
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
