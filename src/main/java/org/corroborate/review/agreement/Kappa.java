package org.corroborate.review.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The two chance-corrected coefficients on weighted items: Cohen's kappa for two raters, Fleiss' for many. */
final class Kappa {

    private Kappa() {}

    /** Cohen (1960): observed agreement corrected by the agreement each rater's own distribution predicts. */
    static Double cohen(List<Labelling.Item> items) {
        double total = 0;
        double agreed = 0;
        Map<String, Double> first = new HashMap<>();
        Map<String, Double> second = new HashMap<>();
        for (Labelling.Item item : items) {
            String a = item.categories().get(0);
            String b = item.categories().get(1);
            total += item.weight();
            if (a.equals(b)) {
                agreed += item.weight();
            }
            first.merge(a, (double) item.weight(), Double::sum);
            second.merge(b, (double) item.weight(), Double::sum);
        }
        if (total == 0) {
            return null;
        }
        double observed = agreed / total;
        double expected = 0;
        for (var entry : first.entrySet()) {
            expected += entry.getValue() / total * second.getOrDefault(entry.getKey(), 0.0) / total;
        }
        return expected == 1 ? (observed == 1 ? 1.0 : null) : (observed - expected) / (1 - expected);
    }

    /** Fleiss (1971): mean pairwise agreement per item against the pooled distribution of categories. */
    static Double fleiss(List<Labelling.Item> items) {
        double total = 0;
        double observedSum = 0;
        Map<String, Double> pooled = new HashMap<>();
        int raters = items.isEmpty() ? 0 : items.getFirst().categories().size();
        if (raters < 2) {
            return null;
        }
        for (Labelling.Item item : items) {
            Map<String, Integer> counts = new HashMap<>();
            item.categories().forEach(c -> counts.merge(c, 1, Integer::sum));
            double agreeingPairs = 0;
            for (int n : counts.values()) {
                agreeingPairs += n * (n - 1);
            }
            observedSum += item.weight() * agreeingPairs / (raters * (raters - 1.0));
            counts.forEach((c, n) -> pooled.merge(c, item.weight() * (double) n, Double::sum));
            total += item.weight();
        }
        if (total == 0) {
            return null;
        }
        double observed = observedSum / total;
        double expected = 0;
        for (double n : pooled.values()) {
            double share = n / (total * raters);
            expected += share * share;
        }
        return expected == 1 ? (observed == 1 ? 1.0 : null) : (observed - expected) / (1 - expected);
    }

    /** Restricts categories to one label against everything else, for per-label figures. */
    static List<Labelling.Item> binary(List<Labelling.Item> items, String label) {
        return items.stream().map(i -> new Labelling.Item(i.categories().stream()
                .map(c -> c.equals(label) ? label : "(other)").toList(), i.weight())).toList();
    }
}
