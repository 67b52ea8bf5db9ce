package org.corroborate.bench;

import java.util.Random;

/** Texts the workspace benchmarks open: the same sentences for the same length, run after run. */
final class BenchTexts {
    private BenchTexts() {
    }

    /**
     * {@code length} code points of sentences (paragraphs now and then), with emoji and Arabic so that
     * offsets in code points are exercised; the same text for the same length on every run.
     */
    static String sentences(int length) {
        String[] words = ("the council said water results were delayed by months and residents 💧 asked why "
                + "engineers warned managers قال السكان in august while the regulator waited").split(" ");
        Random random = new Random(1);
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length - 40) {
            int n = 8 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                text.append(words[random.nextInt(words.length)]).append(i == n - 1 ? ". " : " ");
            }
            if (random.nextInt(6) == 0) {
                text.append("\n\n");
            }
        }
        while (text.codePointCount(0, text.length()) < length) {
            text.append('x');
        }
        return text.toString();
    }
}
