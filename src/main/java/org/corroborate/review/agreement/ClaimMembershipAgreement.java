package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corroborate.claim.ClaimMembership;
import org.corroborate.claim.Stance;

/**
 * Pairwise agreement on claim membership (docs/agreement.md, "Claim membership"). The items of a pair
 * of reviewers are the (claim, source) pairs where the source is one both take part in and the claim
 * has at least one member from that source, whoever added it. On each item a reviewer's category is
 * the stance of the memberships they added from that source to that claim ({@code SUPPORTS},
 * {@code CONTRADICTS}, {@code QUALIFIES}; {@code MIXED} when they added several with different stances),
 * or {@code SILENT} when they added none. Cohen's kappa over these categories, with the observed
 * agreement and the number of items; null where there are no items or chance agreement is 1.
 *
 * @param project   the project
 * @param reviewers everyone compared (the participants of sources some claim has a member from)
 * @param items     the (claim, source) pairs that some claim's members make, over all sources
 * @param kappa     the mean of the pairs' kappas that have a figure, or null
 * @param pairs     every pair of reviewers who share a source with items, in name order
 */
public record ClaimMembershipAgreement(long project, List<String> reviewers, int items, Double kappa,
                                       List<Pair> pairs) {

    /** The category of a reviewer who added no member from the source to the claim. */
    public static final String SILENT = "SILENT";
    /** The category of a reviewer who added several members from the source to the claim, with different stances. */
    public static final String MIXED = "MIXED";
    /** Every category, in the order of the confusion matrix. */
    static final List<String> CATEGORIES = List.of(Stance.SUPPORTS.name(), Stance.CONTRADICTS.name(),
            Stance.QUALIFIES.name(), MIXED, SILENT);

    /**
     * One pair's figures.
     *
     * @param items    the (claim, source) items both were compared on
     * @param agreed   the items on which their categories are the same (SILENT and SILENT included)
     * @param observed {@code agreed / items}, or null without items
     * @param kappa    Cohen's kappa, or null without items or where chance agreement is 1
     * @param sources  the sources with items that both take part in
     */
    public record Pair(String first, String second, int items, int agreed, Double observed, Double kappa,
                       int sources) {}

    /**
     * The figures from the project's memberships and who takes part in each source.
     *
     * @param participants per source, its participants (see {@code review.Participants})
     */
    static ClaimMembershipAgreement of(long project, List<ClaimMembership> memberships,
                                       Map<Long, Set<String>> participants) {
        // Per source, per claim: each adder's category.
        Map<Long, Map<Long, Map<String, String>>> bySource = new TreeMap<>();
        for (ClaimMembership m : memberships) {
            bySource.computeIfAbsent(m.source(), s -> new TreeMap<>())
                    .computeIfAbsent(m.claim(), c -> new HashMap<>())
                    .merge(m.addedBy(), m.stance().name(), (a, b) -> a.equals(b) ? a : MIXED);
        }
        Set<String> reviewers = new TreeSet<>();
        int items = 0;
        for (long source : bySource.keySet()) {
            Set<String> who = participants.getOrDefault(source, Set.of());
            reviewers.addAll(who);
            items += bySource.get(source).size();
        }
        List<String> names = List.copyOf(reviewers);
        List<Pair> pairs = new ArrayList<>();
        List<Double> kappas = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Pair pair = pair(names.get(i), names.get(j), bySource, participants);
                if (pair.items() > 0) {
                    pairs.add(pair);
                    if (pair.kappa() != null) {
                        kappas.add(pair.kappa());
                    }
                }
            }
        }
        return new ClaimMembershipAgreement(project, names, items, CohenKappa.mean(kappas), pairs);
    }

    private static Pair pair(String first, String second, Map<Long, Map<Long, Map<String, String>>> bySource,
                             Map<Long, Set<String>> participants) {
        double[][] confusion = new double[CATEGORIES.size()][CATEGORIES.size()];
        int items = 0;
        int agreed = 0;
        Set<Long> sources = new LinkedHashSet<>();
        for (var source : bySource.entrySet()) {
            Set<String> who = participants.getOrDefault(source.getKey(), Set.of());
            if (!who.contains(first) || !who.contains(second)) {
                continue;
            }
            sources.add(source.getKey());
            for (Map<String, String> categories : source.getValue().values()) {
                String a = categories.getOrDefault(first, SILENT);
                String b = categories.getOrDefault(second, SILENT);
                confusion[CATEGORIES.indexOf(a)][CATEGORIES.indexOf(b)]++;
                items++;
                if (a.equals(b)) {
                    agreed++;
                }
            }
        }
        return new Pair(first, second, items, agreed, items == 0 ? null : (double) agreed / items,
                Kappa.cohen(confusion), sources.size());
    }
}
