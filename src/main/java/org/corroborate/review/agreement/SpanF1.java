package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise span F1, the figure practitioners ask for: one reviewer's spans against another's,
 * F1 = 2 * matched / (spans of one + spans of the other), symmetric. Two kinds of match: exact
 * (same start, end and label) and overlap (same label and overlapping, each span matched at most
 * once, largest overlaps first). A span only one reviewer made counts against both. A pair is
 * compared only on the sources both took part in ({@link AgreementStudy#participants()}).
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
        return "A span only one of the pair made counts as a miss; a participant with no spans on a source "
                + "misses every span the other made there.";
    }

    @Override
    public String scope() {
        return "A pair: the sources both took part in; null if they shared none or neither made a span there "
                + "(per label: neither used the label). Overall and per label: pooled over the pairs (micro F1).";
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
        study.labels().forEach(l -> perLabelAll.put(l, new long[2]));
        List<String> reviewers = study.reviewers();
        Map<Long, Map<String, Map<String, List<ReviewerSpan>>>> byLabel = byLabel(study);
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                String first = reviewers.get(i);
                String second = reviewers.get(j);
                long matched = 0;
                long size = 0;
                Map<String, long[]> labelSums = new LinkedHashMap<>();
                study.labels().forEach(l -> labelSums.put(l, new long[2]));
                for (long sourceId : study.sourceLengths().keySet()) {
                    if (!study.shared(sourceId, first, second)) {
                        continue;
                    }
                    var inSource = byLabel.getOrDefault(sourceId, Map.of());
                    var a = inSource.getOrDefault(first, Map.of());
                    var b = inSource.getOrDefault(second, Map.of());
                    java.util.Set<String> used = new java.util.HashSet<>(a.keySet());
                    used.addAll(b.keySet());
                    for (String label : used) {
                        // A match needs the same label, so matching label by label is the same as matching all.
                        List<ReviewerSpan> la = a.getOrDefault(label, List.of());
                        List<ReviewerSpan> lb = b.getOrDefault(label, List.of());
                        long m = matched(la, lb);
                        matched += m;
                        size += la.size() + lb.size();
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
                pairs.add(new MeasureResult.PairScore(first, second, f1(matched, size), perLabel));
                matchedAll += matched;
                sizeAll += size;
            }
        }
        Map<String, Double> perLabel = new LinkedHashMap<>();
        perLabelAll.forEach((label, sums) -> perLabel.put(label, f1(sums[0], sums[1])));
        return MeasureResult.of(this, f1(matchedAll, sizeAll), perLabel, pairs);
    }

    /** The spans by source, reviewer and label. */
    private static Map<Long, Map<String, Map<String, List<ReviewerSpan>>>> byLabel(AgreementStudy study) {
        Map<Long, Map<String, Map<String, List<ReviewerSpan>>>> grouped = new java.util.HashMap<>();
        for (ReviewerSpan s : study.spans()) {
            grouped.computeIfAbsent(s.sourceId(), id -> new java.util.HashMap<>())
                    .computeIfAbsent(s.reviewer(), r -> new java.util.HashMap<>())
                    .computeIfAbsent(s.label(), l -> new ArrayList<>()).add(s);
        }
        return grouped;
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
