package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The per-character labelling the kappas are computed on: every code point of every source gets,
 * from each reviewer, the label of the shortest span of theirs covering it, or {@link #NONE}.
 * Counted by runs between span boundaries, not character by character, so it stays fast on long
 * texts; identical runs are merged into one weighted item.
 */
final class Labelling {

    static final String NONE = "(no label)";

    /** A labelling of some characters: one category per reviewer, and how many characters have it. */
    record Item(List<String> categories, long weight) {}

    private Labelling() {}

    static List<Item> items(AgreementStudy study, List<String> reviewers) {
        return items(study, study.bySource(), reviewers);
    }

    static List<Item> items(AgreementStudy study, Map<Long, Map<String, List<ReviewerSpan>>> bySource,
                            List<String> reviewers) {
        Map<List<String>, Long> merged = new HashMap<>();
        study.sourceLengths().forEach((sourceId, length) -> {
            List<List<ReviewerSpan>> byReviewer = new ArrayList<>();
            TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
            Map<String, List<ReviewerSpan>> inSource = bySource.getOrDefault(sourceId, Map.of());
            for (String reviewer : reviewers) {
                List<ReviewerSpan> spans = inSource.getOrDefault(reviewer, List.of());
                spans.forEach(s -> {
                    cuts.add(Math.min(s.start(), length));
                    cuts.add(Math.min(s.end(), length));
                });
                byReviewer.add(spans);
            }
            Integer[] points = cuts.toArray(Integer[]::new);
            for (int i = 0; i + 1 < points.length; i++) {
                int from = points[i];
                int to = points[i + 1];
                String[] categories = new String[reviewers.size()];
                for (int r = 0; r < reviewers.size(); r++) {
                    categories[r] = labelAt(byReviewer.get(r), from);
                }
                merged.merge(Arrays.asList(categories), (long) (to - from), Long::sum);
            }
        });
        List<Item> items = new ArrayList<>();
        merged.forEach((categories, weight) -> items.add(new Item(categories, weight)));
        return items;
    }

    private static String labelAt(List<ReviewerSpan> spans, int position) {
        ReviewerSpan best = null;
        for (ReviewerSpan span : spans) {
            if (span.start() <= position && position < span.end()
                    && (best == null || span.end() - span.start() < best.end() - best.start())) {
                best = span;
            }
        }
        return best == null ? NONE : best.label();
    }

    /**
     * The share of characters that some but not all reviewers labelled: where a reviewer's silence
     * may be an omission, and where measures that count "no label" as a category see disagreement.
     */
    static Double incompleteShare(AgreementStudy study) {
        long some = 0;
        long partial = 0;
        for (Item item : items(study, study.reviewers())) {
            long labelled = item.categories().stream().filter(c -> !c.equals(NONE)).count();
            if (labelled > 0) {
                some += item.weight();
                if (labelled < item.categories().size()) {
                    partial += item.weight();
                }
            }
        }
        return some == 0 ? null : (double) partial / some;
    }
}
