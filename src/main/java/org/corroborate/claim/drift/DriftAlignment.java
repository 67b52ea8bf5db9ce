package org.corroborate.claim.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.ToIntBiFunction;

/**
 * Lines up the details of one kind across a claim's excerpts and says whether they disagree.
 * Three ways: by key (numbers by the noun they count: only counts of the same thing are compared),
 * by agreement (dates, durations, ages: two excerpts agree when any detail of one fits any detail of
 * the other, so an extra date in one excerpt is not drift), or by conflict (people, organisations: a
 * name in one excerpt with no equal in the other that looks like another way of naming one there).
 */
final class DriftAlignment {

    private DriftAlignment() {
    }

    /**
     * Keyed drift: for each key stated by two or more excerpts, each excerpt's first detail with that key;
     * drift when they are not all the same. Of several drifting keys, the one most excerpts state wins
     * (ties: the one stated first).
     */
    static Optional<Drift> byKey(String kind, List<Excerpt> excerpts, List<List<Detail>> details,
                                 BiPredicate<Detail, Detail> same) {
        Map<String, Map<Integer, Detail>> byKey = new LinkedHashMap<>();
        for (int member = 0; member < details.size(); member++) {
            for (Detail detail : details.get(member)) {
                if (detail.kind().equals(kind)) {
                    byKey.computeIfAbsent(detail.key(), k -> new LinkedHashMap<>()).putIfAbsent(member, detail);
                }
            }
        }
        Map<Integer, Detail> best = null;
        for (Map<Integer, Detail> stated : byKey.values()) {
            if (stated.size() >= 2 && !allSame(List.copyOf(stated.values()), same)
                    && (best == null || stated.size() > best.size())) {
                best = stated;
            }
        }
        return Optional.ofNullable(best).map(stated -> drift(kind, excerpts, new ArrayList<>(stated.keySet()),
                new ArrayList<>(stated.values())));
    }

    /**
     * Drift by agreement: every two excerpts that state details of this kind must share one that fits
     * ({@code fits}); if some pair shares none, the drift shows each excerpt's first detail of the kind.
     */
    static Optional<Drift> byAgreement(String kind, List<Excerpt> excerpts, List<List<Detail>> details,
                                       BiPredicate<Detail, Detail> fits) {
        List<Integer> members = new ArrayList<>();
        List<List<Detail>> stated = new ArrayList<>();
        for (int member = 0; member < details.size(); member++) {
            List<Detail> ofKind = details.get(member).stream().filter(d -> d.kind().equals(kind)).toList();
            if (!ofKind.isEmpty()) {
                members.add(member);
                stated.add(ofKind);
            }
        }
        boolean disagree = false;
        for (int a = 0; a < stated.size() && !disagree; a++) {
            for (int b = a + 1; b < stated.size() && !disagree; b++) {
                disagree = !shareOne(stated.get(a), stated.get(b), fits);
            }
        }
        if (!disagree) {
            return Optional.empty();
        }
        return Optional.of(drift(kind, excerpts, members, stated.stream().map(List::getFirst).toList()));
    }

    /**
     * Drift by conflict (names): two excerpts drift when a detail of one has no equal in the other and
     * conflicts with one of the other's that has no equal either ({@code conflict} scores how strongly,
     * 0 for not at all; the strongest pair wins). The drift shows, for each excerpt, its first detail
     * that equals or conflicts with one of that pair.
     */
    static Optional<Drift> byConflict(String kind, List<Excerpt> excerpts, List<List<Detail>> details,
                                      BiPredicate<Detail, Detail> equal, ToIntBiFunction<Detail, Detail> conflict) {
        List<List<Detail>> ofKind = details.stream()
                .map(list -> list.stream().filter(d -> d.kind().equals(kind)).toList()).toList();
        Detail bestA = null;
        Detail bestB = null;
        int best = 0;
        for (int a = 0; a < ofKind.size(); a++) {
            for (int b = a + 1; b < ofKind.size(); b++) {
                for (Detail x : ofKind.get(a)) {
                    if (hasEqual(x, ofKind.get(b), equal)) {
                        continue;
                    }
                    for (Detail y : ofKind.get(b)) {
                        int score = hasEqual(y, ofKind.get(a), equal) ? 0 : conflict.applyAsInt(x, y);
                        if (score > best) {
                            best = score;
                            bestA = x;
                            bestB = y;
                        }
                    }
                }
            }
        }
        if (best == 0) {
            return Optional.empty();
        }
        List<Integer> members = new ArrayList<>();
        List<Detail> chosen = new ArrayList<>();
        for (int member = 0; member < ofKind.size(); member++) {
            for (Detail d : ofKind.get(member)) {
                if (equal.test(d, bestA) || equal.test(d, bestB) || conflict.applyAsInt(d, bestA) > 0
                        || conflict.applyAsInt(d, bestB) > 0) {
                    members.add(member);
                    chosen.add(d);
                    break;
                }
            }
        }
        return Optional.of(drift(kind, excerpts, members, chosen));
    }

    private static boolean hasEqual(Detail detail, List<Detail> others, BiPredicate<Detail, Detail> equal) {
        for (Detail other : others) {
            if (equal.test(detail, other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shareOne(List<Detail> a, List<Detail> b, BiPredicate<Detail, Detail> fits) {
        for (Detail x : a) {
            for (Detail y : b) {
                if (fits.test(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allSame(List<Detail> details, BiPredicate<Detail, Detail> same) {
        for (int a = 0; a < details.size(); a++) {
            for (int b = a + 1; b < details.size(); b++) {
                if (!same.test(details.get(a), details.get(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Drift drift(String kind, List<Excerpt> excerpts, List<Integer> members, List<Detail> chosen) {
        List<DriftValue> values = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Excerpt excerpt = excerpts.get(members.get(i));
            Detail detail = chosen.get(i);
            values.add(new DriftValue(excerpt.annotation(), covered(excerpt.text(), detail), detail.start(),
                    detail.end()));
        }
        return new Drift(kind, values);
    }

    /** The words of the excerpt a detail covers, as written. */
    static String covered(String text, Detail detail) {
        int from = text.offsetByCodePoints(0, detail.start());
        int to = text.offsetByCodePoints(from, detail.end() - detail.start());
        return text.substring(from, to);
    }

}
