package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two chance-corrected coefficients: Cohen's kappa for two raters (from a confusion matrix of
 * weights), Fleiss' for many (from per-item counts, the number of raters free to vary by item).
 * Both are undefined, null, where chance agreement is 1: every rating is one and the same category,
 * so there is nothing chance could get wrong and no agreement beyond it to measure.
 */
final class Kappa {

    private Kappa() {}

    /**
     * Cohen (1960) from {@code confusion[a][b]}: the weight of items the first rater put in category
     * {@code a} and the second in {@code b}. Null when the matrix is empty or chance agreement is 1.
     */
    static Double cohen(double[][] confusion) {
        int k = confusion.length;
        double total = 0;
        double agreed = 0;
        double[] first = new double[k];
        double[] second = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double w = confusion[a][b];
                total += w;
                first[a] += w;
                second[b] += w;
                if (a == b) {
                    agreed += w;
                }
            }
        }
        if (total == 0) {
            return null;
        }
        double expected = 0;
        for (int c = 0; c < k; c++) {
            expected += first[c] * second[c];
        }
        expected /= total * total;
        return chanceCorrected(agreed / total, expected);
    }

    /** Cohen's kappa of one category against every other: the 2 x 2 matrix folded from a full one. */
    static Double cohen(double[][] confusion, int category) {
        double[][] folded = new double[2][2];
        for (int a = 0; a < confusion.length; a++) {
            for (int b = 0; b < confusion.length; b++) {
                folded[a == category ? 0 : 1][b == category ? 0 : 1] += confusion[a][b];
            }
        }
        return cohen(folded);
    }

    /** Cohen's kappa on weighted items of two categories each (the first two): for tests and examples. */
    static Double cohen(List<Labelling.Item> items) {
        Map<String, Integer> index = new HashMap<>();
        items.forEach(i -> i.categories().forEach(c -> index.putIfAbsent(c, index.size())));
        double[][] confusion = new double[index.size()][index.size()];
        for (Labelling.Item item : items) {
            confusion[index.get(item.categories().get(0))][index.get(item.categories().get(1))] += item.weight();
        }
        return cohen(confusion);
    }

    /**
     * Fleiss (1971) accumulated item by item. An item rated by {@code n} raters, {@code n_c} of them
     * in category {@code c}, adds its weight times the share of agreeing rater pairs,
     * sum n_c (n_c - 1) / (n (n - 1)), to the observed agreement, and its weighted counts to the
     * pooled distribution that gives chance agreement (sum of squared shares). With the same number of
     * raters on every item this is Fleiss' own formula; items with fewer than two raters are skipped.
     */
    static final class Fleiss {
        private final double[] pooled;
        private double pooledRatings;
        private double observed;
        private double total;

        Fleiss(int categories) {
            pooled = new double[categories];
        }

        /** One item: how many raters chose each category, and the item's weight (its characters). */
        void add(int[] counts, double weight) {
            int n = 0;
            double agreeingPairs = 0;
            for (int c : counts) {
                n += c;
                agreeingPairs += (double) c * (c - 1);
            }
            if (n < 2 || weight == 0) {
                return;
            }
            observed += weight * agreeingPairs / ((double) n * (n - 1));
            total += weight;
            for (int c = 0; c < counts.length; c++) {
                pooled[c] += weight * counts[c];
            }
            pooledRatings += weight * n;
        }

        /** The coefficient; null with no items or where chance agreement is 1. */
        Double value() {
            if (total == 0) {
                return null;
            }
            double expected = 0;
            for (double p : pooled) {
                double share = p / pooledRatings;
                expected += share * share;
            }
            return chanceCorrected(observed / total, expected);
        }
    }

    /** Fleiss' kappa on weighted items (each item's categories one per rater): for tests and examples. */
    static Double fleiss(List<Labelling.Item> items) {
        Map<String, Integer> index = new HashMap<>();
        items.forEach(i -> i.categories().forEach(c -> index.putIfAbsent(c, index.size())));
        Fleiss fleiss = new Fleiss(index.size());
        for (Labelling.Item item : items) {
            int[] counts = new int[index.size()];
            item.categories().forEach(c -> counts[index.get(c)]++);
            fleiss.add(counts, item.weight());
        }
        return fleiss.value();
    }

    /** Restricts categories to one label against everything else, for per-label figures on items. */
    static List<Labelling.Item> binary(List<Labelling.Item> items, String label) {
        List<Labelling.Item> folded = new ArrayList<>();
        items.forEach(i -> folded.add(new Labelling.Item(i.categories().stream()
                .map(c -> c.equals(label) ? label : "(other)").toList(), i.weight())));
        return folded;
    }

    private static Double chanceCorrected(double observed, double expected) {
        // Chance agreement of 1 (to rounding): one category throughout, so the coefficient is 0/0.
        return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
    }
}
