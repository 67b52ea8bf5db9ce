package org.corroborate.claim.drift;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled drift set ({@code src/test/resources/claims/drift-set.json}): groups of excerpts carrying
 * one claim, each with the drift a reader marks. Scores a detector against it, per kind.
 *
 * <p>A detected item is right (a true positive) when the group expects drift of its kind and, for every
 * excerpt both name a value for, the detected words and the expected words overlap (one contains the
 * other, ignoring case), for at least two excerpts. A detected item that is not right is a false
 * positive; an expected item not detected rightly is a false negative.
 */
public record DriftSet(String about, List<String> kinds, List<Group> groups) {

    /**
     * One group: excerpts of one claim and the drift expected among them; {@code heldOut} groups were
     * written after the detector and never used to tune it.
     */
    public record Group(String id, String note, List<String> excerpts, List<Expected> drift, boolean heldOut) {

        /** The group's excerpts as the detector takes them: annotation ids 1, 2, 3 … in order. */
        public List<Excerpt> asExcerpts() {
            List<Excerpt> list = new ArrayList<>();
            for (int i = 0; i < excerpts.size(); i++) {
                list.add(new Excerpt(i + 1, excerpts.get(i)));
            }
            return list;
        }
    }

    /** One expected drift item: its kind and each excerpt's wording ("" when that excerpt states none). */
    public record Expected(String kind, List<String> values) {
    }

    /** True and false positives and false negatives of one kind. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        Score plus(Score other) {
            return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    /** The set as stored in the test resources. */
    public static DriftSet load() {
        try (InputStream in = DriftSet.class.getResourceAsStream("/claims/drift-set.json")) {
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, DriftSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The held-out part of the set alone. */
    public DriftSet heldOut() {
        return new DriftSet(about, kinds, groups.stream().filter(Group::heldOut).toList());
    }

    /** How many excerpts the set holds. */
    public int excerpts() {
        return groups.stream().mapToInt(g -> g.excerpts().size()).sum();
    }

    /** How many drift items the set expects. */
    public int expectedItems() {
        return groups.stream().mapToInt(g -> g.drift().size()).sum();
    }

    /**
     * Scores detected drift against the set, per kind (in the set's kind order), plus "overall";
     * {@code mistakes} receives one line per wrong or missed item.
     */
    public Map<String, Score> score(Map<String, List<Drift>> detected, List<String> mistakes) {
        Map<String, Score> scores = new LinkedHashMap<>();
        kinds.forEach(kind -> scores.put(kind, new Score(0, 0, 0)));
        for (Group group : groups) {
            List<Drift> found = detected.getOrDefault(group.id(), List.of());
            for (String kind : kinds) {
                Expected expected = group.drift().stream().filter(e -> e.kind().equals(kind)).findFirst().orElse(null);
                Drift drift = found.stream().filter(d -> d.kind().equals(kind)).findFirst().orElse(null);
                Score score = new Score(0, 0, 0);
                if (expected != null && drift != null && matches(expected, drift)) {
                    score = new Score(1, 0, 0);
                } else {
                    if (drift != null) {
                        score = score.plus(new Score(0, 1, 0));
                        mistakes.add(group.id() + " " + kind + " detected " + values(drift)
                                + (expected == null ? " (none expected)" : " (expected " + expected.values() + ")"));
                    }
                    if (expected != null) {
                        score = score.plus(new Score(0, 0, 1));
                        if (drift == null) {
                            mistakes.add(group.id() + " " + kind + " missed " + expected.values());
                        }
                    }
                }
                scores.merge(kind, score, Score::plus);
            }
        }
        scores.put("overall", scores.values().stream().reduce(new Score(0, 0, 0), Score::plus));
        return scores;
    }

    private static boolean matches(Expected expected, Drift drift) {
        int agreeing = 0;
        for (DriftValue value : drift.values()) {
            int member = (int) value.annotation() - 1;
            String wanted = member < expected.values().size() ? expected.values().get(member) : "";
            if (wanted.isEmpty() || value.value().isEmpty()) {
                continue;
            }
            String a = wanted.toLowerCase(Locale.ROOT);
            String b = value.value().toLowerCase(Locale.ROOT);
            if (!a.contains(b) && !b.contains(a)) {
                return false;
            }
            agreeing++;
        }
        return agreeing >= 2;
    }

    private static List<String> values(Drift drift) {
        return drift.values().stream().map(v -> v.annotation() + ":" + v.value()).toList();
    }
}
