package org.corroborate.claim.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the counts ("17 officers", "a dozen schools"), ages ("aged 34", "34-year-old", "Kerrigan, 34,")
 * and durations ("eight months", "an eight-month inquiry") of an excerpt's words. A count needs the
 * noun it counts right after it (adjectives and compound nouns between are fine, "17 armed police
 * officers"; so is "17 of the officers"): a bare number has nothing to line up with and is skipped.
 */
final class QuantityReader {

    /** Time units in months or in seconds: the two scales on which durations convert exactly. */
    private static final Map<String, Long> MONTHS = Map.of("month", 1L, "year", 12L, "decade", 120L);
    private static final Map<String, Long> SECONDS = Map.of("second", 1L, "minute", 60L, "hour", 3_600L,
            "day", 86_400L, "week", 604_800L, "fortnight", 1_209_600L);
    private static final Set<String> DETERMINERS = Set.of("the", "its", "their", "his", "her", "those", "these",
            "them");
    private static final Set<String> AGE_CUES = Set.of("aged", "age");
    private static final Set<String> CLOSERS = Set.of(",", ")", ";", ".", "and", "who", "was", "is");
    private static final int LONGEST_NOUN_RUN = 4;

    private QuantityReader() {
    }

    /** The quantities among {@code words}, skipping words {@code taken} by another reader (dates). */
    static List<Detail> read(List<Word> words, boolean[] taken) {
        List<Detail> details = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Optional<NumberWords.Found> found = NumberWords.at(words, i);
            if (found.isEmpty()) {
                continue;
            }
            NumberWords.Found number = found.get();
            Detail detail = quantity(words, number);
            if (detail != null) {
                details.add(detail);
            }
            i = number.last();
        }
        return details;
    }

    private static Detail quantity(List<Word> words, NumberWords.Found number) {
        int first = number.first();
        int last = number.last();
        String value = plain(number.value());
        Word start = words.get(first);
        int next = last + 1;
        String unit = next < words.size() ? singular(words.get(next).lower()) : "";
        // "34-year-old", "34 years old"
        if (unit.equals("year") && next + 1 < words.size() && words.get(next + 1).lower().equals("old")) {
            return new Detail("age", "", value, start.start(), words.get(next + 1).end());
        }
        if (first > 0 && AGE_CUES.contains(words.get(first - 1).lower()) && whole(number.value())) {
            return new Detail("age", "", value, words.get(first - 1).start(), words.get(last).end());
        }
        if (isAppositiveAge(words, number)) {
            return new Detail("age", "", value, start.start(), words.get(last).end());
        }
        if (MONTHS.containsKey(unit) || SECONDS.containsKey(unit)) {
            if (next + 1 < words.size() && words.get(next + 1).lower().equals("ago")) {
                return null;
            }
            String scale = MONTHS.containsKey(unit) ? "m:" : "s:";
            long factor = MONTHS.containsKey(unit) ? MONTHS.get(unit) : SECONDS.get(unit);
            return new Detail("duration", "", scale + plain(number.value() * factor), start.start(),
                    words.get(next).end());
        }
        int noun = countedNoun(words, next);
        if (noun < 0) {
            return null;
        }
        return new Detail("number", singular(words.get(noun).lower()), value, start.start(), words.get(noun).end());
    }

    /** "Kerrigan, 34, said" and "Kerrigan (34)": a whole number from 1 to 120 set off right after a name. */
    private static boolean isAppositiveAge(List<Word> words, NumberWords.Found number) {
        int first = number.first();
        int last = number.last();
        if (first < 2 || first != last || !words.get(first).digits() || !whole(number.value())
                || number.value() < 1 || number.value() > 120) {
            return false;
        }
        String before = words.get(first - 1).text();
        boolean named = words.get(first - 2).capitalised() && words.get(first - 2).tag().equals("PROPN");
        String after = last + 1 < words.size() ? words.get(last + 1).lower() : ",";
        return named && (before.equals(",") && CLOSERS.contains(after) || before.equals("(") && after.equals(")"));
    }

    /** The noun a number counts: the last noun of the run of adjectives and nouns right after it. */
    private static int countedNoun(List<Word> words, int next) {
        int k = next;
        if (k + 1 < words.size() && words.get(k).lower().equals("of") && DETERMINERS.contains(words.get(k + 1).lower())) {
            k += 2;
        }
        int noun = -1;
        for (int j = k; j < words.size() && j < k + LONGEST_NOUN_RUN; j++) {
            Word word = words.get(j);
            String tag = word.tag();
            if (tag.equals("NOUN")) {
                noun = j;
            } else if (!tag.equals("ADJ") || noun >= 0) {
                break;
            }
        }
        return noun;
    }

    /** A noun's singular, near enough to line up "officers" with "officer" (no dictionary). */
    static String singular(String noun) {
        if (noun.equals("people") || noun.equals("persons")) {
            return "person";
        }
        if (noun.equals("children")) {
            return "child";
        }
        if (noun.equals("men") || noun.equals("women")) {
            return noun.substring(0, noun.length() - 2) + "an";
        }
        if (noun.endsWith("ies") && noun.length() > 4) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        if (noun.endsWith("s") && !noun.endsWith("ss") && noun.length() > 3) {
            return noun.substring(0, noun.length() - 1);
        }
        return noun;
    }

    private static boolean whole(double value) {
        return value == Math.rint(value);
    }

    /** A value as text without a needless ".0" ("17", "2.5"). */
    static String plain(double value) {
        return whole(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
