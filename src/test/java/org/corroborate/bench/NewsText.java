package org.corroborate.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generated news-like articles for the suggestion benchmark: a headline line, then sentences of 8
 * to 30 words until about 3,000 characters. Words follow Zipf's law over a vocabulary whose most
 * frequent part is real local-news English (function words, "said", "council", "hospital",
 * "water", "residents", numbers …, the words the labelled set's claims are made of) and whose long
 * tail is 20,000 made-up words, so term frequencies, and so the index's posting lists, are about
 * as long as in a real news archive.
 */
final class NewsText {

    private static final String[] COMMON = ("the of and to a in that said for on was is with by it as at from "
            + "he his be has have had but were not are this they an which after their who been would will its "
            + "about more or one two three we also up than out people year new last over council police "
            + "government water hospital residents health board town city week monday tuesday wednesday "
            + "thursday friday mayor officials company workers plant jobs bridge election votes party union "
            + "minister report inquiry services school schools families local county river road budget "
            + "million pounds cent per 12 twelve 340 2024 three hundred first told according spokesperson "
            + "statement public news before during under around since while found taken drinking tap warned "
            + "closure repairs safe supply pumping station valve storm energy prices diesel vans election "
            + "turnout candidate majority footbridge collapse inspection cyclist injured eastport harrowby "
            + "dunmore castlefield northvale brisco okafor carrow marsh reyes").split(" ");
    private static final int TAIL = 20_000;
    private static final String[] SYLLABLES = ("ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go "
            + "ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru "
            + "sa se si so su ta te ti to tu va ve vi vo wa we wi za zo").split(" ");
    private static final String[] VOCABULARY = vocabulary();
    private static final double[] CUMULATIVE = zipf(VOCABULARY.length);

    private NewsText() {}

    /** One article of about 3,000 characters, the same for the same random state. */
    static String article(Random random, int number) {
        StringBuilder text = new StringBuilder(capital(sentence(random, 6)) + " (report " + number + ")\n");
        while (text.length() < 3000) {
            text.append(capital(sentence(random, 8 + random.nextInt(23)))).append('.')
                    .append(random.nextInt(6) == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sentence.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            sentence.append(word(random));
        }
        return sentence.toString();
    }

    private static String word(Random random) {
        int rank = Arrays.binarySearch(CUMULATIVE, random.nextDouble());
        return VOCABULARY[Math.min(VOCABULARY.length - 1, rank < 0 ? -rank - 1 : rank)];
    }

    private static String[] vocabulary() {
        List<String> words = new ArrayList<>(Arrays.asList(COMMON));
        Random random = new Random(42);
        while (words.size() < COMMON.length + TAIL) {
            StringBuilder word = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    /** The cumulative Zipf distribution (exponent 1) over ranks 1..n. */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int rank = 1; rank <= n; rank++) {
            total += 1.0 / rank;
            cumulative[rank - 1] = total;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static String capital(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
