package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What agreement is measured on: the sources (with their lengths in code points), the reviewers,
 * the labels of the scheme, every reviewer's spans, and who took part in each source.
 * <p>
 * {@code participants} holds, per source, the reviewers whose work on it is compared (in the order
 * of {@code reviewers}); a participant with no span there counts as having labelled nothing. A
 * reviewer who is not a participant of a source is left out of every figure about it. Every
 * span's author is a participant of its source (added when missing).
 */
public record AgreementStudy(Map<Long, Integer> sourceLengths, List<String> reviewers, List<String> labels,
                             List<ReviewerSpan> spans, Map<Long, List<String>> participants) {

    public AgreementStudy {
        Map<Long, List<String>> given = new HashMap<>();
        participants.forEach((id, who) -> given.put(id, List.copyOf(who)));
        spans.forEach(s -> {
            if (!given.getOrDefault(s.sourceId(), List.of()).contains(s.reviewer())) {
                List<String> more = new ArrayList<>(given.getOrDefault(s.sourceId(), List.of()));
                more.add(s.reviewer());
                given.put(s.sourceId(), more);
            }
        });
        Map<Long, List<String>> ordered = new LinkedHashMap<>();
        for (long id : sourceLengths.keySet()) {
            Collection<String> who = given.getOrDefault(id, List.of());
            ordered.put(id, reviewers.stream().filter(who::contains).toList());
        }
        participants = java.util.Collections.unmodifiableMap(ordered);
    }

    /** A fully crossed study: every reviewer takes part in every source (spans or not). */
    public AgreementStudy(Map<Long, Integer> sourceLengths, List<String> reviewers, List<String> labels,
                          List<ReviewerSpan> spans) {
        this(sourceLengths, reviewers, labels, spans, everyone(sourceLengths, reviewers));
    }

    private static Map<Long, List<String>> everyone(Map<Long, Integer> sourceLengths, List<String> reviewers) {
        Map<Long, List<String>> all = new HashMap<>();
        sourceLengths.keySet().forEach(id -> all.put(id, reviewers));
        return all;
    }

    /** The reviewers taking part in a source, in the order of {@link #reviewers()}; empty for an unknown source. */
    public List<String> participantsOf(long sourceId) {
        return participants.getOrDefault(sourceId, List.of());
    }

    /** Whether both reviewers take part in the source: only then does it count for their pair. */
    boolean shared(long sourceId, String first, String second) {
        List<String> who = participantsOf(sourceId);
        return who.contains(first) && who.contains(second);
    }

    /** The spans by source, then by reviewer: every measure works source by source. */
    Map<Long, Map<String, List<ReviewerSpan>>> bySource() {
        Map<Long, Map<String, List<ReviewerSpan>>> grouped = new HashMap<>();
        for (ReviewerSpan span : spans) {
            grouped.computeIfAbsent(span.sourceId(), id -> new HashMap<>())
                    .computeIfAbsent(span.reviewer(), r -> new ArrayList<>()).add(span);
        }
        return grouped;
    }
}
