package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corroborate.source.version.Reanchoring;
import org.corroborate.source.version.Reanchoring.Anchor;
import org.corroborate.source.version.Reanchoring.Outcome;
import org.corroborate.source.version.Reanchoring.Placement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Re-anchoring 5,000 annotations across a revised 200,000-code-point text (issue 18: under 2 s, and at
 * least 99% of the annotations whose context did not change re-anchored exactly). The text is made of
 * sentences over a small vocabulary (so phrases repeat, with emoji so offsets count code points); the
 * revision inserts 60 sentences, deletes 60 and rewrites a word in 60 others. An annotation's context is
 * unchanged when its quote and the 40 code points either side of it are found intact at the place its
 * sentence moved to; it is re-anchored exactly when its placement is that place. Prints the time of the
 * first (cold) run and the best of five, and the counts per outcome.
 * Run with {@code ./workbench bench -Dtest=ReanchorBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
class ReanchorBenchmark {

    private static final int LENGTH = 200_000;
    private static final int ANNOTATIONS = 5_000;
    private static final int EDITS = 60;
    private static final String[] WORDS = ("the council said water results were delayed by months and residents 💧 "
            + "asked why engineers warned managers in august while the regulator waited for the inquest report "
            + "into lead pipes at ellsworth vale school").split(" ");

    @Test
    void fiveThousandAnnotationsAcrossARevisedTwoHundredThousandCharacterText() {
        Random random = new Random(18);
        List<String> sentences = new ArrayList<>();
        int length = 0;
        while (length < LENGTH) {
            String sentence = sentence(random);
            sentences.add(sentence);
            length += sentence.codePointCount(0, sentence.length());
        }
        String oldText = String.join("", sentences);
        int[] oldStarts = starts(sentences);

        // Annotations: 1 to 4 whole words inside one sentence.
        List<Anchor> anchors = new ArrayList<>();
        int[] sentenceOf = new int[ANNOTATIONS];
        int[] offsetIn = new int[ANNOTATIONS];
        int[] oldPoints = oldText.codePoints().toArray();
        for (int id = 0; id < ANNOTATIONS; id++) {
            int s = random.nextInt(sentences.size());
            int[] cp = sentences.get(s).codePoints().toArray();
            List<Integer> wordStarts = new ArrayList<>();
            for (int i = 0; i < cp.length; i++) {
                if ((i == 0 || cp[i - 1] == ' ') && cp[i] != ' ') {
                    wordStarts.add(i);
                }
            }
            int first = random.nextInt(wordStarts.size());
            int last = Math.min(wordStarts.size() - 1, first + random.nextInt(4));
            int start = wordStarts.get(first);
            int end = wordStarts.get(last);
            while (end < cp.length && cp[end] != ' ' && cp[end] != '.') {
                end++;
            }
            sentenceOf[id] = s;
            offsetIn[id] = start;
            int absStart = oldStarts[s] + start;
            int absEnd = oldStarts[s] + end;
            anchors.add(new Anchor(id, absStart, absEnd, text(oldPoints, absStart, absEnd),
                    text(oldPoints, Math.max(0, absStart - 40), absStart),
                    text(oldPoints, absEnd, Math.min(oldPoints.length, absEnd + 40))));
        }

        // The revision: sentence by sentence, keep, delete, rewrite a word, or insert a new one before.
        boolean[] deleted = new boolean[sentences.size()];
        boolean[] rewritten = new boolean[sentences.size()];
        boolean[] insertedBefore = new boolean[sentences.size()];
        for (int e = 0; e < EDITS; e++) {
            deleted[random.nextInt(sentences.size())] = true;
            rewritten[random.nextInt(sentences.size())] = true;
            insertedBefore[random.nextInt(sentences.size())] = true;
        }
        StringBuilder revised = new StringBuilder();
        int[] newStarts = new int[sentences.size()];
        int newLength = 0;
        for (int s = 0; s < sentences.size(); s++) {
            if (insertedBefore[s]) {
                String added = "Correction: " + sentence(random);
                revised.append(added);
                newLength += added.codePointCount(0, added.length());
            }
            newStarts[s] = newLength;
            if (deleted[s]) {
                newStarts[s] = -1;
                continue;
            }
            String sentence = sentences.get(s);
            if (rewritten[s]) {
                sentence = sentence.replaceFirst(" [a-z]+ ", " amended ");
            }
            revised.append(sentence);
            newLength += sentence.codePointCount(0, sentence.length());
        }
        String newText = revised.toString();
        int[] newPoints = newText.codePoints().toArray();

        Reanchoring.reanchor(oldText, newText, anchors.subList(0, 50)); // class loading, not the figure
        long cold = System.nanoTime();
        List<Placement> placements = Reanchoring.reanchor(oldText, newText, anchors);
        long coldMillis = (System.nanoTime() - cold) / 1_000_000;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            Reanchoring.reanchor(oldText, newText, anchors);
            best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
        }

        int unchangedContext = 0;
        int exact = 0;
        int[] outcomes = new int[Outcome.values().length];
        List<String> misses = new ArrayList<>();
        for (int id = 0; id < ANNOTATIONS; id++) {
            Placement p = placements.get(id);
            outcomes[p.outcome().ordinal()]++;
            int s = sentenceOf[id];
            if (newStarts[s] < 0) {
                continue;
            }
            Anchor a = anchors.get(id);
            int expected = newStarts[s] + offsetIn[id];
            int expectedEnd = expected + (a.end() - a.start());
            String around = text(newPoints, Math.max(0, expected - a.prefix().codePointCount(0, a.prefix().length())),
                    Math.min(newPoints.length, expectedEnd + a.suffix().codePointCount(0, a.suffix().length())));
            if (!around.equals(a.prefix() + a.quote() + a.suffix())) {
                continue;
            }
            unchangedContext++;
            if (p.start() == expected && p.end() == expectedEnd && p.outcome() != Outcome.ORPHANED) {
                exact++;
            } else if (misses.size() < 10) {
                misses.add(id + ": expected " + expected + ", got " + p);
            }
        }
        double exactShare = 100.0 * exact / unchangedContext;
        System.out.printf("%nReanchorBenchmark: %d annotations, old text %d code points, new text %d code points%n",
                ANNOTATIONS, oldPoints.length, newPoints.length);
        System.out.printf("  cold run %d ms, best of 5 %d ms (target under 2000 ms)%n", coldMillis, best);
        System.out.printf("  outcomes: unchanged %d, moved %d, changed %d, orphaned %d%n",
                outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
        System.out.printf("  context unchanged: %d; re-anchored exactly: %d (%.2f%%, target at least 99%%)%n",
                unchangedContext, exact, exactShare);
        misses.forEach(m -> System.out.println("  miss " + m));

        assertThat(unchangedContext).isGreaterThan(ANNOTATIONS / 2);
        assertThat(exactShare).isGreaterThanOrEqualTo(99.0);
        assertThat(coldMillis).isLessThan(2_000);
    }

    private static String sentence(Random random) {
        StringBuilder sentence = new StringBuilder();
        int n = 8 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                    .append(i == n - 1 ? ". " : " ");
        }
        return sentence.toString();
    }

    private static int[] starts(List<String> sentences) {
        int[] starts = new int[sentences.size()];
        int at = 0;
        for (int s = 0; s < sentences.size(); s++) {
            starts[s] = at;
            at += sentences.get(s).codePointCount(0, sentences.get(s).length());
        }
        return starts;
    }

    private static String text(int[] points, int start, int end) {
        return new String(points, start, end - start);
    }
}
