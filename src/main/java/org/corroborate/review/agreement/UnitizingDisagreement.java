package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Krippendorff's observed and expected disagreement for alpha_U on one continuum and one category,
 * as DKPro Statistics Agreement 2.2.1 computes them ({@code KrippendorffAlphaUnitizingAgreement}'s
 * {@code calculateObserved/ExpectedCategoryDisagreement}), step for step; {@code UnitizingAlphaTest}
 * checks the two give the same values on random studies. Ported rather than called because DKPro
 * walks every unit of the study once per pair of raters and category and sums the expected
 * disagreement in {@code BigDecimal} over every gap for every unit: here each rater's units of the
 * category are listed once, and the gaps are summed with a prefix sum over the sorted gap lengths,
 * which took the corpus benchmark's alpha_U from 1.6 s to tens of milliseconds.
 */
final class UnitizingDisagreement {

    /** One unit: offset and length in code points from the continuum's start. */
    record Unit(long offset, long length) {}

    private static final Comparator<Unit> ORDER = Comparator.comparingLong(Unit::offset)
            .thenComparingLong(Unit::length);

    private final long length;
    /** Per rater, their units of the category, by offset then length (DKPro's unit order). */
    private final List<List<Unit>> units;

    /** A continuum {@code [0, length)} and, per rater, that rater's units of one category. */
    UnitizingDisagreement(long length, List<List<Unit>> units) {
        this.length = length;
        this.units = units.stream().map(u -> u.stream().sorted(ORDER).toList()).toList();
    }

    /** The category's observed disagreement, D_O(c): squared misfits of every pair of raters' units and gaps. */
    double observed() {
        long l = length;
        int raters = units.size();
        double result = 0;
        for (int r1 = 0; r1 < raters; r1++) {
            for (int r2 = r1 + 1; r2 < raters; r2++) {
                result += observed(units.get(r1), units.get(r2));
            }
        }
        return result * 2.0 / ((double) (raters * (raters - 1)) * (double) (l * l));
    }

    /** DKPro's walk over two raters' units and the gaps between them, literally. */
    private double observed(List<Unit> first, List<Unit> second) {
        long end = length;
        int i1 = 0;
        int i2 = 0;
        Unit next1 = i1 < first.size() ? first.get(i1++) : null;
        Unit next2 = i2 < second.size() ? second.get(i2++) : null;
        long offset1 = 0;
        long length1 = 0;
        long offset2 = 0;
        long length2 = 0;
        boolean labelled1 = false;
        boolean labelled2 = false;
        long pos = 0;
        double result = 0;
        while (pos < end && (next1 != null || next2 != null)) {
            if (pos == offset1 + length1) {
                if (next1 != null && pos == next1.offset()) {
                    length1 = next1.length();
                    labelled1 = true;
                    next1 = i1 < first.size() ? first.get(i1++) : null;
                } else {
                    length1 = (next1 != null ? next1.offset() : end) - pos;
                    labelled1 = false;
                }
                offset1 = pos;
            }
            if (pos == offset2 + length2) {
                if (next2 != null && pos == next2.offset()) {
                    length2 = next2.length();
                    labelled2 = true;
                    next2 = i2 < second.size() ? second.get(i2++) : null;
                } else {
                    length2 = (next2 != null ? next2.offset() : end) - pos;
                    labelled2 = false;
                }
                offset2 = pos;
            }
            result += distance(offset1, length1, labelled1, offset2, length2, labelled2);
            pos = Math.min(offset1 + length1, offset2 + length2);
        }
        return result;
    }

    private static double distance(long offset1, long length1, boolean labelled1, long offset2, long length2,
                                   boolean labelled2) {
        long beginDiff = offset1 - offset2;
        long lengthDiff = length1 - length2;
        if (labelled1 && labelled2 && -length1 < beginDiff && beginDiff < length2) {
            return (double) beginDiff * beginDiff + (double) (beginDiff + lengthDiff) * (beginDiff + lengthDiff);
        }
        if (labelled1 && !labelled2 && -lengthDiff >= beginDiff && beginDiff >= 0) {
            return (double) length1 * length1;
        }
        if (!labelled1 && labelled2 && -lengthDiff <= beginDiff && beginDiff <= 0) {
            return (double) length2 * length2;
        }
        return 0;
    }

    /** The category's expected disagreement, D_E(c), from the lengths of its units and of every rater's gaps. */
    double expected() {
        long l = length;
        int raters = units.size();
        long count = 0;
        double squaredLengths = 0;
        List<Long> gapList = new ArrayList<>();
        for (List<Unit> own : units) {
            count += own.size();
            for (Unit u : own) {
                squaredLengths += (double) u.length() * (u.length() - 1.0);
            }
            gaps(own, gapList);
        }
        // Ascending, with suffix sums: for a unit of length n, the gaps g >= n add up (g - n + 1).
        long[] gaps = gapList.stream().mapToLong(Long::longValue).sorted().toArray();
        double[] suffix = new double[gaps.length + 1];
        for (int i = gaps.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + gaps[i];
        }
        double result = 0;
        for (List<Unit> own : units) {
            for (Unit u : own) {
                double n = u.length();
                result += (count - 1.0) * (2.0 * n * n * n - 3.0 * n * n + n) / 3.0;
                int from = firstAtLeast(gaps, u.length());
                double fitting = suffix[from] - (gaps.length - from) * (n - 1.0);
                result += fitting * n * n;
            }
        }
        result *= 2.0 / l;
        return result / ((double) raters * l * ((double) raters * l - 1) - squaredLengths);
    }

    /** DKPro's gaps of one rater on the continuum, walked the same way (a gap is the stretch before the next unit). */
    private void gaps(List<Unit> own, List<Long> into) {
        long end = length;
        int i = 0;
        Unit next = i < own.size() ? own.get(i++) : null;
        long offset = 0;
        long len = 0;
        long pos = 0;
        while (pos < end) {
            if (pos == offset + len) {
                if (next != null && pos == next.offset()) {
                    len = next.length();
                    next = i < own.size() ? own.get(i++) : null;
                } else {
                    len = (next != null ? next.offset() : end) - pos;
                    into.add(len);
                }
                offset = pos;
            }
            pos = offset + len;
        }
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at < 0) {
            return -at - 1;
        }
        while (at > 0 && sorted[at - 1] == value) {
            at--;
        }
        return at;
    }
}
