package org.corroborate.review.adjudication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;

/**
 * How a source's annotations form curation units, without a database:
 * <ul>
 * <li>Spans with the same label that overlap form one unit, transitively (a overlaps b, b overlaps c:
 *     one unit); touching spans ({@code [0,5)} and {@code [5,9)}) do not overlap.</li>
 * <li>A span of another label is never in that unit, however it overlaps or nests: an ALLEGATION
 *     inside a QUOTE is a unit of its own, so both can be put into the gold layer.</li>
 * <li>A decision belongs to exactly one unit: when the annotations it rests on fall into several units
 *     (decisions made before units were per label, or made over the API on any annotations), those
 *     units are one unit. Should a unit hold several decisions, it shows the earliest.</li>
 * <li>A unit is agreed when every participant made it alike: at least two participants, each with
 *     exactly one version, all versions the same start, end and label. The participants are given by
 *     the caller (the source's annotators, assigned and submitted reviewers), so a reviewer who was
 *     assigned or submitted without making the span keeps it from being agreed.</li>
 * </ul>
 * Units come in text order: by start, the longer first, then by label.
 */
final class CurationUnits {

    private CurationUnits() {}

    static List<Unit> of(List<AnnotationDetails> annotations, Set<String> participants,
                         List<DecisionDetails> decisions) {
        List<AnnotationDetails> sorted = new ArrayList<>(annotations);
        sorted.sort(Comparator.comparing(AnnotationDetails::label).thenComparingInt(AnnotationDetails::start)
                .thenComparingInt(AnnotationDetails::end).thenComparing(AnnotationDetails::id));
        // Clusters of overlapping spans per label, then joined where one decision rests on several.
        Map<Long, Integer> clusterOf = new HashMap<>();
        int clusters = 0;
        String label = null;
        int end = -1;
        for (AnnotationDetails a : sorted) {
            if (!a.label().equals(label) || a.start() >= end) {
                clusters++;
                label = a.label();
                end = a.end();
            } else {
                end = Math.max(end, a.end());
            }
            clusterOf.put(a.id(), clusters - 1);
        }
        int[] parent = new int[clusters];
        for (int i = 0; i < clusters; i++) {
            parent[i] = i;
        }
        for (DecisionDetails decision : decisions) {
            Integer first = null;
            for (Long id : decision.basedOn()) {
                Integer cluster = clusterOf.get(id);
                if (cluster == null) {
                    continue;
                }
                if (first == null) {
                    first = cluster;
                } else {
                    parent[root(parent, cluster)] = root(parent, first);
                }
            }
        }
        Map<Long, DecisionDetails> byAnnotation = new HashMap<>();
        decisions.forEach(d -> d.basedOn().forEach(id -> byAnnotation.merge(id, d, (x, y) -> x.id() <= y.id() ? x : y)));
        Map<Integer, List<AnnotationDetails>> groups = new LinkedHashMap<>();
        for (AnnotationDetails a : sorted) {
            groups.computeIfAbsent(root(parent, clusterOf.get(a.id())), k -> new ArrayList<>()).add(a);
        }
        List<Unit> units = new ArrayList<>();
        for (List<AnnotationDetails> versions : groups.values()) {
            versions.sort(Comparator.comparingInt(AnnotationDetails::start).thenComparingInt(AnnotationDetails::end)
                    .thenComparing(AnnotationDetails::author).thenComparing(AnnotationDetails::id));
            DecisionDetails decision = versions.stream().map(v -> byAnnotation.get(v.id()))
                    .filter(java.util.Objects::nonNull).min(Comparator.comparing(DecisionDetails::id)).orElse(null);
            units.add(new Unit(labelOf(versions, decision),
                    versions.stream().mapToInt(AnnotationDetails::start).min().orElseThrow(),
                    versions.stream().mapToInt(AnnotationDetails::end).max().orElseThrow(),
                    List.copyOf(versions), agreed(versions, participants), decision));
        }
        units.sort(Comparator.comparingInt(Unit::start).thenComparing(Comparator.comparingInt(Unit::end).reversed())
                .thenComparing(Unit::label));
        return units;
    }

    /** Every participant, at least two, made exactly one version, and all versions are the same span and label. */
    static boolean agreed(List<AnnotationDetails> versions, Set<String> participants) {
        AnnotationDetails first = versions.getFirst();
        boolean alike = versions.stream().allMatch(v -> v.start() == first.start() && v.end() == first.end()
                && v.label().equals(first.label()));
        long authors = versions.stream().map(AnnotationDetails::author).distinct().count();
        return alike && participants.size() > 1 && authors == versions.size()
                && versions.stream().allMatch(v -> participants.contains(v.author()))
                && authors == participants.size();
    }

    /** The versions' label; for a unit joined across labels by a decision, the gold label, else the first version's. */
    private static String labelOf(List<AnnotationDetails> versions, DecisionDetails decision) {
        String first = versions.getFirst().label();
        if (versions.stream().allMatch(v -> v.label().equals(first))) {
            return first;
        }
        return decision != null && decision.gold() != null ? decision.gold().label() : first;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
