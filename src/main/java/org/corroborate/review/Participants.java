package org.corroborate.review;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who takes part in the review of a source: the one rule that agreement (which pairs are compared
 * on a source) and curation (when a unit counts as agreed by everyone) both follow.
 * <p>
 * The participants are the reviewers assigned to the source; where the source has no assignment at
 * all, those who submitted their review of it; and in either case anyone who annotated it (so no
 * span is ever left out of a comparison). A participant with no span on the source counts as having
 * labelled nothing there, which is a judgement, not a gap. See docs/agreement.md, "Who is compared: the scope rule".
 */
public final class Participants {

    private Participants() {}

    /**
     * The participants of one source, by username, sorted.
     *
     * @param assigned the reviewers assigned to the source (empty: none)
     * @param submitted the reviewers who submitted their review of it
     * @param annotators the authors of its annotations (repeats allowed)
     */
    public static Set<String> of(Set<String> assigned, Set<String> submitted, Collection<String> annotators) {
        Set<String> who = new TreeSet<>(assigned.isEmpty() ? submitted : assigned);
        who.addAll(annotators);
        return who;
    }
}
