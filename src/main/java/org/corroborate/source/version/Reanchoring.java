package org.corroborate.source.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Re-anchors spans of one text onto a revised text: pure computation, no Spring, no database.
 * All offsets count Unicode <b>code points</b> (never UTF-16 indices), as the rest of the workbench does.
 *
 * <p>For each {@link Anchor} (a span {@code [start, end)} of the old text with its quote and some
 * context before and after it) the result is one {@link Placement} with an {@link Outcome}:
 * <ol>
 * <li><b>Position mapping</b> (java-diff-utils 4.15, Myers' O(ND) diff in linear space,
 *     {@link MyersDiffWithLinearSpace}): the two texts are split into tokens (runs of letters and
 *     digits, runs of white space, every other character alone) and diffed; inside each changed region
 *     of at most {@value #CHARACTER_DIFF_LIMIT} code points a second diff on characters refines the
 *     mapping. Regions the diffs find equal map old offsets to new ones one to one. When both ends of a
 *     span map and the new text there is the quote, the span is {@code UNCHANGED} (same offsets) or
 *     {@code MOVED}.</li>
 * <li><b>Quote search</b>, as the Hypothesis client re-anchors a W3C {@code TextQuoteSelector}
 *     ({@code exact} with {@code prefix} and {@code suffix}, see
 *     <a href="https://www.w3.org/TR/annotation-model/#text-quote-selector">W3C Web Annotation Data Model
 *     §4.2.4</a> and hypothesis/client {@code src/annotator/anchoring/match-quote.ts}): every exact
 *     occurrence of the quote in the new text is scored by how much of the old context surrounds it
 *     and by its distance from where the mapping expects it; the best is taken ({@code MOVED}).</li>
 * <li><b>Changed text</b>: when the quote is found nowhere but the span's ends map (or one end maps and
 *     the other lies in an edited region), the span is stretched over the new text between them if that
 *     text still resembles the quote (similarity ≥ {@value #MIN_SIMILARITY}, the ratio
 *     2·matched / (old + new length) of a character diff): {@code CHANGED}.</li>
 * <li>Otherwise {@code ORPHANED}: the caller keeps the old offsets and quote for a person to re-anchor.</li>
 * </ol>
 * Cost: one token diff of the whole texts (O((N+M)·D) time for D edited tokens), then per span a
 * binary search, and a whole-text search only for spans whose ends fall into edited regions.
 */
public final class Reanchoring {

    /** Changed regions longer than this (code points, either side) are not diffed character by character. */
    static final int CHARACTER_DIFF_LIMIT = 4_000;
    /** The least similarity of a changed span's new text to its old quote. */
    static final double MIN_SIMILARITY = 0.5;
    /** How far (code points) from the expected place one character of matching context is worth. */
    private static final double DISTANCE_PER_CONTEXT_CHAR = 2_000;

    /** What became of a span. */
    public enum Outcome {
        /** Same offsets, same quote. */
        UNCHANGED,
        /** Same quote at other offsets. */
        MOVED,
        /** Re-anchored over a text that differs from the quote (an edit inside or at the edge of the span). */
        CHANGED,
        /** Not found: the old offsets and quote are kept. */
        ORPHANED
    }

    /**
     * A span of the old text: {@code [start, end)} in code points, the text it covered ({@code quote}),
     * and the text just before ({@code prefix}) and after it ({@code suffix}), any length (the workbench
     * keeps 40 code points).
     */
    public record Anchor(long id, int start, int end, String quote, String prefix, String suffix) {
        public Anchor {
            Objects.requireNonNull(quote, "quote");
            prefix = prefix == null ? "" : prefix;
            suffix = suffix == null ? "" : suffix;
        }
    }

    /**
     * Where a span lies in the new text: {@code [start, end)} in code points and its quote there; for
     * {@link Outcome#ORPHANED} the old offsets and quote, unchanged.
     */
    public record Placement(long id, Outcome outcome, int start, int end, String quote) {}

    private Reanchoring() {}

    /**
     * Places every anchor of {@code oldText} in {@code newText}, in the order given.
     *
     * @param oldText the text the anchors were made on (the offsets count its code points)
     * @param newText the revised text
     * @param anchors spans of the old text; an anchor whose offsets lie outside the old text or whose
     *                quote is empty is orphaned, never an exception
     * @return one placement per anchor, in the same order
     */
    public static List<Placement> reanchor(String oldText, String newText, List<Anchor> anchors) {
        int[] before = oldText.codePoints().toArray();
        int[] after = newText.codePoints().toArray();
        Mapping mapping = Mapping.of(before, after);
        List<Placement> placements = new ArrayList<>(anchors.size());
        for (Anchor anchor : anchors) {
            placements.add(place(anchor, before, after, mapping));
        }
        return placements;
    }

    private static Placement place(Anchor anchor, int[] before, int[] after, Mapping mapping) {
        int[] quote = anchor.quote().codePoints().toArray();
        if (quote.length == 0 || anchor.start() < 0 || anchor.end() > before.length || anchor.start() >= anchor.end()) {
            return orphan(anchor);
        }
        int start = mapping.start(anchor.start());
        int end = mapping.end(anchor.end());
        if (start >= 0 && end > start && equalAt(after, start, quote) && end - start == quote.length) {
            Outcome outcome = start == anchor.start() && end == anchor.end() ? Outcome.UNCHANGED : Outcome.MOVED;
            return new Placement(anchor.id(), outcome, start, end, text(after, start, end));
        }
        int expected = mapping.approximate(anchor.start());
        int found = bestOccurrence(after, quote, anchor, expected);
        if (found >= 0) {
            int foundEnd = found + quote.length;
            Outcome outcome = found == anchor.start() && foundEnd == anchor.end() ? Outcome.UNCHANGED : Outcome.MOVED;
            return new Placement(anchor.id(), outcome, found, foundEnd, text(after, found, foundEnd));
        }
        // The quote itself was edited: stretch over what now lies between the ends, if it resembles it.
        if (start < 0 && end >= 0) {
            start = mapping.regionStart(anchor.start());
        } else if (start >= 0 && end < 0) {
            end = mapping.regionEnd(anchor.end());
        }
        if (start >= 0 && end > start) {
            int[] candidate = Arrays.copyOfRange(after, start, end);
            if (!blank(candidate) && similarity(quote, candidate) >= MIN_SIMILARITY) {
                return new Placement(anchor.id(), Outcome.CHANGED, start, end, text(after, start, end));
            }
        }
        return orphan(anchor);
    }

    private static Placement orphan(Anchor anchor) {
        return new Placement(anchor.id(), Outcome.ORPHANED, anchor.start(), anchor.end(), anchor.quote());
    }

    /**
     * The occurrence of the quote in the new text whose surroundings best match the old context,
     * nearer the expected place winning ties; -1 if the quote occurs nowhere.
     */
    private static int bestOccurrence(int[] text, int[] quote, Anchor anchor, int expected) {
        int[] prefix = anchor.prefix().codePoints().toArray();
        int[] suffix = anchor.suffix().codePoints().toArray();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int first = quote[0];
        for (int i = 0; i + quote.length <= text.length; i++) {
            if (text[i] != first || !equalAt(text, i, quote)) {
                continue;
            }
            int context = commonSuffix(text, i, prefix) + commonPrefix(text, i + quote.length, suffix);
            double score = context - Math.abs(i - expected) / DISTANCE_PER_CONTEXT_CHAR;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** How many code points before {@code at} equal the end of {@code prefix}. */
    private static int commonSuffix(int[] text, int at, int[] prefix) {
        int n = 0;
        while (n < prefix.length && at - n - 1 >= 0 && text[at - n - 1] == prefix[prefix.length - n - 1]) {
            n++;
        }
        return n;
    }

    /** How many code points from {@code at} equal the start of {@code suffix}. */
    private static int commonPrefix(int[] text, int at, int[] suffix) {
        int n = 0;
        while (n < suffix.length && at + n < text.length && text[at + n] == suffix[n]) {
            n++;
        }
        return n;
    }

    private static boolean equalAt(int[] text, int at, int[] quote) {
        if (at < 0 || at + quote.length > text.length) {
            return false;
        }
        return Arrays.equals(text, at, at + quote.length, quote, 0, quote.length);
    }

    private static boolean blank(int[] codePoints) {
        return Arrays.stream(codePoints).allMatch(Character::isWhitespace);
    }

    /** 2·matched / (a + b), matched counted by a character diff (as Python's difflib ratio). */
    static double similarity(int[] a, int[] b) {
        if (a.length + b.length == 0) {
            return 1;
        }
        if (Math.max(a.length, b.length) > 4 * Math.min(a.length, b.length) + 8) {
            return 0;
        }
        List<Integer> x = Arrays.stream(a).boxed().toList();
        List<Integer> y = Arrays.stream(b).boxed().toList();
        int changed = 0;
        for (AbstractDelta<Integer> delta : DiffUtils.diff(x, y, new MyersDiffWithLinearSpace<Integer>()).getDeltas()) {
            changed += delta.getSource().size();
        }
        int matched = a.length - changed;
        return 2.0 * matched / (a.length + b.length);
    }

    private static String text(int[] codePoints, int start, int end) {
        return new String(codePoints, start, end - start);
    }

    /**
     * Old offsets to new ones, from the equal regions of a token diff refined by character diffs:
     * ascending, non-overlapping runs {@code old[oldStart, oldStart+length) = new[newStart, newStart+length)}.
     */
    private static final class Mapping {
        private final int[] oldStarts;
        private final int[] newStarts;
        private final int[] lengths;
        private final int count;
        private final int newLength;

        private Mapping(int[] oldStarts, int[] newStarts, int[] lengths, int count, int newLength) {
            this.oldStarts = oldStarts;
            this.newStarts = newStarts;
            this.lengths = lengths;
            this.count = count;
            this.newLength = newLength;
        }

        static Mapping of(int[] before, int[] after) {
            int[] oldBounds = tokenStarts(before);
            int[] newBounds = tokenStarts(after);
            List<String> oldTokens = tokens(before, oldBounds);
            List<String> newTokens = tokens(after, newBounds);
            Runs runs = new Runs();
            int oldToken = 0;
            int newToken = 0;
            for (AbstractDelta<String> delta : DiffUtils.diff(oldTokens, newTokens,
                    new MyersDiffWithLinearSpace<String>()).getDeltas()) {
                int deltaOld = delta.getSource().getPosition();
                int deltaNew = delta.getTarget().getPosition();
                // Tokens before the delta are equal.
                runs.add(oldBounds[oldToken], newBounds[newToken], oldBounds[deltaOld] - oldBounds[oldToken]);
                int oldEnd = deltaOld + delta.getSource().size();
                int newEnd = deltaNew + delta.getTarget().size();
                refine(before, after, oldBounds[deltaOld], oldBounds[oldEnd], newBounds[deltaNew], newBounds[newEnd],
                        runs);
                oldToken = oldEnd;
                newToken = newEnd;
            }
            runs.add(oldBounds[oldToken], newBounds[newToken], before.length - oldBounds[oldToken]);
            return new Mapping(runs.oldStarts, runs.newStarts, runs.lengths, runs.count, after.length);
        }

        /** Characters equal inside a changed region, when it is small enough to diff character by character. */
        private static void refine(int[] before, int[] after, int oldFrom, int oldTo, int newFrom, int newTo,
                                   Runs runs) {
            if (oldTo == oldFrom || newTo == newFrom || oldTo - oldFrom > CHARACTER_DIFF_LIMIT
                    || newTo - newFrom > CHARACTER_DIFF_LIMIT) {
                return;
            }
            List<Integer> x = Arrays.stream(before, oldFrom, oldTo).boxed().toList();
            List<Integer> y = Arrays.stream(after, newFrom, newTo).boxed().toList();
            int o = 0;
            int n = 0;
            for (AbstractDelta<Integer> delta : DiffUtils.diff(x, y, new MyersDiffWithLinearSpace<Integer>())
                    .getDeltas()) {
                runs.add(oldFrom + o, newFrom + n, delta.getSource().getPosition() - o);
                o = delta.getSource().getPosition() + delta.getSource().size();
                n = delta.getTarget().getPosition() + delta.getTarget().size();
            }
            runs.add(oldFrom + o, newFrom + n, (oldTo - oldFrom) - o);
        }

        /** The new offset of a span start at old offset {@code p}, or -1 if the code point at p was edited. */
        int start(int p) {
            int run = runAtOrBefore(p);
            return run >= 0 && p < oldStarts[run] + lengths[run] ? newStarts[run] + p - oldStarts[run] : -1;
        }

        /** The new offset of a span end at old offset {@code p}, or -1 if the code point before p was edited. */
        int end(int p) {
            int run = runAtOrBefore(p - 1);
            return run >= 0 && p - 1 < oldStarts[run] + lengths[run] ? newStarts[run] + p - oldStarts[run] : -1;
        }

        /** Where old offset {@code p} would be, mapped or not: by the nearest equal run before it. */
        int approximate(int p) {
            int run = runAtOrBefore(p);
            if (run < 0) {
                return Math.min(p, newLength);
            }
            int mapped = newStarts[run] + p - oldStarts[run];
            return Math.max(0, Math.min(mapped, newLength));
        }

        /** For an edited start: the start of the new text that replaced the edited region holding it. */
        int regionStart(int p) {
            int run = runAtOrBefore(p);
            return run < 0 ? 0 : newStarts[run] + lengths[run];
        }

        /** For an edited end: the end of the new text that replaced the edited region holding it. */
        int regionEnd(int p) {
            int run = runAtOrBefore(p - 1);
            int next = run + 1;
            return next < count ? newStarts[next] : newLength;
        }

        /** The last run starting at or before old offset p, or -1. */
        private int runAtOrBefore(int p) {
            int low = 0;
            int high = count - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (oldStarts[mid] <= p) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        /** Token start offsets plus the text's length at the end: letters/digits, white space, one other char. */
        private static int[] tokenStarts(int[] text) {
            int[] starts = new int[Math.max(16, text.length / 3)];
            int count = 0;
            int i = 0;
            while (i < text.length) {
                if (count + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[count++] = i;
                int kind = kind(text[i]);
                i++;
                if (kind != 2) {
                    while (i < text.length && kind(text[i]) == kind) {
                        i++;
                    }
                }
            }
            starts[count++] = text.length;
            return Arrays.copyOf(starts, count);
        }

        private static int kind(int codePoint) {
            return Character.isLetterOrDigit(codePoint) ? 0 : Character.isWhitespace(codePoint) ? 1 : 2;
        }

        private static List<String> tokens(int[] text, int[] bounds) {
            List<String> tokens = new ArrayList<>(bounds.length - 1);
            for (int t = 0; t + 1 < bounds.length; t++) {
                tokens.add(new String(text, bounds[t], bounds[t + 1] - bounds[t]));
            }
            return tokens;
        }
    }

    /** A growing list of equal runs (empty runs are skipped). */
    private static final class Runs {
        int[] oldStarts = new int[64];
        int[] newStarts = new int[64];
        int[] lengths = new int[64];
        int count;

        void add(int oldStart, int newStart, int length) {
            if (length <= 0) {
                return;
            }
            if (count == lengths.length) {
                oldStarts = Arrays.copyOf(oldStarts, count * 2);
                newStarts = Arrays.copyOf(newStarts, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            oldStarts[count] = oldStart;
            newStarts[count] = newStart;
            lengths[count] = length;
            count++;
        }
    }
}
