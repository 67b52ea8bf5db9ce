package org.corroborate.claim.drift;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the numbers written in an excerpt's words: digits ("17", "1,200", "2.5 million") and
 * English number words ("seventeen", "twenty-one", "one hundred and twenty", "a dozen",
 * "two dozen"; "a" or "an" before a time unit, "a week"), the words' value read by ICU's rule-based
 * spell-out format. Ordinals ("first"),
 * fractions ("half") and vague words ("dozens", "scores", "several") are not numbers here.
 */
final class NumberWords {

    /** A number found in words {@code first..last} (inclusive) with its value. */
    record Found(double value, int first, int last) {
    }

    private static final Set<String> SPELLED = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "thousand", "million", "billion");
    private static final Set<String> TENS = Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety");
    private static final Map<String, Double> SCALES = Map.of("hundred", 1e2, "thousand", 1e3, "million", 1e6,
            "billion", 1e9, "m", 1e6, "bn", 1e9, "k", 1e3);
    private static final Set<String> TIME_UNITS = Set.of("second", "minute", "hour", "day", "week", "fortnight",
            "month", "year", "decade");
    private static final int LONGEST_WORD_RUN = 12;
    private static final int CACHE_LIMIT = 10_000;

    /** Spell-out text to its value; the same few dozen phrases recur, so ICU parses each once. */
    private static final Map<String, Optional<Double>> PARSED = new ConcurrentHashMap<>();

    private NumberWords() {
    }

    /** The number starting at word {@code i}, if one does. */
    static Optional<Found> at(List<Word> words, int i) {
        Word word = words.get(i);
        if (word.digits()) {
            double value = Double.parseDouble(word.text().replace(",", ""));
            int last = i;
            if (i + 1 < words.size() && SCALES.containsKey(words.get(i + 1).lower())
                    && !words.get(i + 1).lower().equals("hundred")) {
                value *= SCALES.get(words.get(i + 1).lower());
                last = i + 1;
            }
            return Optional.of(new Found(value, i, last));
        }
        return spelled(words, i);
    }

    private static Optional<Found> spelled(List<Word> words, int i) {
        String first = words.get(i).lower();
        boolean article = first.equals("a") || first.equals("an");
        if (!article && !SPELLED.contains(first) && !first.equals("dozen")) {
            return Optional.empty();
        }
        StringBuilder phrase = new StringBuilder();
        int last = -1;
        int dozens = 0;
        String previous = null;
        for (int j = i; j < words.size() && j < i + LONGEST_WORD_RUN; j++) {
            Word word = words.get(j);
            String lower = word.lower();
            if (j == i && article) {
                // "a dozen", "a hundred", "a million": the article stands for one.
                if (j + 1 < words.size() && SCALES.containsKey(words.get(j + 1).lower())
                        || j + 1 < words.size() && words.get(j + 1).lower().equals("dozen")) {
                    phrase.append("one");
                    previous = "one";
                    continue;
                }
                // "for a week", "an hour": one of a time unit (counts of other things are not "a").
                if (j + 1 < words.size() && TIME_UNITS.contains(QuantityReader.singular(words.get(j + 1).lower()))) {
                    return Optional.of(new Found(1, i, i));
                }
                return Optional.empty();
            }
            if (lower.equals("dozen")) {
                dozens = 1;
                last = j;
                break;
            }
            if (lower.equals("and") && previous != null && (previous.equals("hundred") || previous.equals("thousand"))
                    && j + 1 < words.size() && SPELLED.contains(words.get(j + 1).lower())) {
                phrase.append(" and");
                continue;
            }
            if (!SPELLED.contains(lower)) {
                break;
            }
            if (j > i && !phrase.isEmpty()) {
                phrase.append(TENS.contains(previous) && !SCALES.containsKey(lower) ? "-" : " ");
            }
            phrase.append(lower);
            previous = lower;
            last = j;
        }
        if (last < 0) {
            return Optional.empty();
        }
        Optional<Double> value = phrase.isEmpty() ? Optional.of(1.0) : parse(phrase.toString());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(dozens > 0 ? value.get() * 12 : value.get(), i, last));
    }

    private static Optional<Double> parse(String phrase) {
        Optional<Double> known = PARSED.get(phrase);
        if (known != null) {
            return known;
        }
        Optional<Double> value = spellOut(phrase);
        if (PARSED.size() < CACHE_LIMIT) {
            PARSED.put(phrase, value);
        }
        return value;
    }

    private static Optional<Double> spellOut(String text) {
        // RuleBasedNumberFormat is not thread-safe; a new one per phrase is cheap next to the cache hits.
        RuleBasedNumberFormat format = new RuleBasedNumberFormat(Locale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);
        ParsePosition position = new ParsePosition(0);
        Number number = format.parse(text, position);
        if (number == null || position.getIndex() != text.length()) {
            return Optional.empty();
        }
        return Optional.of(number.doubleValue());
    }
}
