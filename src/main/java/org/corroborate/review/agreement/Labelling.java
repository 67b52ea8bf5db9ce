package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The per-character labelling the kappas and the incomplete share are computed on: every code point
 * of a source gets, from each of the source's participants, the label of the shortest span of
 * theirs covering it, or {@link #NONE}. Counted by segments between span boundaries, not character
 * by character, so long texts cost little; categories are indexes into {@link #categories()}
 * ({@code 0} is {@link #NONE}), so the kappas add up counts without building strings.
 */
final class Labelling {

    static final String NONE = "(no label)";

    /** A labelling of some characters: one category per rater, and how many characters have it. */
    record Item(List<String> categories, long weight) {}

    /**
     * One source cut into segments: {@code lengths[s]} code points in segment {@code s}, and
     * {@code categories[r][s]} the category participant {@code raters.get(r)} gives it.
     */
    record SourceSegments(long sourceId, List<String> raters, int[] lengths, int[][] categories) {

        int raterIndex(String reviewer) {
            return raters.indexOf(reviewer);
        }
    }

    private final List<String> categories;
    private final List<SourceSegments> sources;

    private Labelling(List<String> categories, List<SourceSegments> sources) {
        this.categories = categories;
        this.sources = sources;
    }

    /** {@link #NONE}, the study's labels, then any label the spans carry that the study lacks. */
    List<String> categories() {
        return categories;
    }

    /** Every source of the study with its participants' labelling (sources of length 0 left out). */
    List<SourceSegments> sources() {
        return sources;
    }

    /** The labelling of a study, source by source, over each source's participants. */
    static Labelling of(AgreementStudy study) {
        List<String> categories = new ArrayList<>();
        categories.add(NONE);
        categories.addAll(study.labels());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.putIfAbsent(categories.get(i), i);
        }
        for (ReviewerSpan span : study.spans()) {
            if (!index.containsKey(span.label())) {
                index.put(span.label(), categories.size());
                categories.add(span.label());
            }
        }
        var bySource = study.bySource();
        List<SourceSegments> sources = new ArrayList<>();
        study.sourceLengths().forEach((sourceId, length) -> {
            if (length > 0) {
                sources.add(segments(sourceId, length, study.participantsOf(sourceId),
                        bySource.getOrDefault(sourceId, Map.of()), index));
            }
        });
        return new Labelling(List.copyOf(categories), sources);
    }

    private static SourceSegments segments(long sourceId, int length, List<String> raters,
                                           Map<String, List<ReviewerSpan>> spans, Map<String, Integer> index) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (String rater : raters) {
            for (ReviewerSpan s : spans.getOrDefault(rater, List.of())) {
                cuts.add(Math.clamp(s.start(), 0, length));
                cuts.add(Math.clamp(s.end(), 0, length));
            }
        }
        int[] points = cuts.stream().mapToInt(Integer::intValue).toArray();
        int[] lengths = new int[points.length - 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = points[i + 1] - points[i];
        }
        int[][] categories = new int[raters.size()][lengths.length];
        for (int r = 0; r < raters.size(); r++) {
            // The shortest covering span wins: paint the longest first, so shorter ones paint over them.
            List<ReviewerSpan> own = new ArrayList<>(spans.getOrDefault(raters.get(r), List.of()));
            own.sort((a, b) -> Integer.compare(b.end() - b.start(), a.end() - a.start()));
            for (ReviewerSpan s : own) {
                int from = Arrays.binarySearch(points, Math.clamp(s.start(), 0, length));
                int to = Arrays.binarySearch(points, Math.clamp(s.end(), 0, length));
                Arrays.fill(categories[r], from, to, index.get(s.label()));
            }
        }
        return new SourceSegments(sourceId, raters, lengths, categories);
    }

    /**
     * The labelling as weighted items, one category per rater, over the sources where all the given
     * reviewers take part (identical items merged): for tests and for reading the numbers by hand.
     */
    List<Item> items(List<String> reviewers) {
        Map<List<String>, Long> merged = new HashMap<>();
        for (SourceSegments source : sources) {
            int[] at = reviewers.stream().mapToInt(source::raterIndex).toArray();
            if (Arrays.stream(at).anyMatch(i -> i < 0)) {
                continue;
            }
            for (int s = 0; s < source.lengths().length; s++) {
                List<String> item = new ArrayList<>(at.length);
                for (int r : at) {
                    item.add(categories.get(source.categories()[r][s]));
                }
                merged.merge(item, (long) source.lengths()[s], Long::sum);
            }
        }
        List<Item> items = new ArrayList<>();
        merged.forEach((c, weight) -> items.add(new Item(c, weight)));
        return items;
    }

    /**
     * The share of labelled characters that some but not all of their source's participants
     * labelled: where a participant's silence may be an omission, and where measures that count
     * "no label" as a category see disagreement. Only sources with two or more participants count
     * (with one, nobody could have disagreed); null when no such source has a labelled character.
     */
    static Double incompleteShare(AgreementStudy study) {
        long some = 0;
        long partial = 0;
        for (SourceSegments source : of(study).sources()) {
            int raters = source.raters().size();
            if (raters < 2) {
                continue;
            }
            for (int s = 0; s < source.lengths().length; s++) {
                int labelled = 0;
                for (int r = 0; r < raters; r++) {
                    if (source.categories()[r][s] != 0) {
                        labelled++;
                    }
                }
                if (labelled > 0) {
                    some += source.lengths()[s];
                    if (labelled < raters) {
                        partial += source.lengths()[s];
                    }
                }
            }
        }
        return some == 0 ? null : (double) partial / some;
    }
}
