package org.corroborate.review;

import java.util.Collection;

/** How colleagues judged one annotation. */
public record Tally(long agree, long disagree, long unsure) {

    public static final Tally NONE = new Tally(0, 0, 0);

    /** The tally of some verdicts. */
    public static Tally of(Collection<Verdict> verdicts) {
        Tally tally = NONE;
        for (Verdict verdict : verdicts) {
            tally = tally.plus(verdict);
        }
        return tally;
    }

    Tally plus(Verdict verdict) {
        return switch (verdict) {
            case AGREE -> new Tally(agree + 1, disagree, unsure);
            case DISAGREE -> new Tally(agree, disagree + 1, unsure);
            case UNSURE -> new Tally(agree, disagree, unsure + 1);
        };
    }

    @Override
    public String toString() {
        return agree + " agree · " + disagree + " disagree · " + unsure + " unsure";
    }
}
