package org.corroborate.claim.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads calendar dates written the ways news copy writes them: "14 March 2024", "14th of March",
 * "March 14, 2024", "March 14", "July 2024", and a year after a preposition ("in 2019", "since 2021").
 * Each date keeps what it says and leaves the rest open: "14 March" fits "14 March 2024", and
 * "July 2024" fits "3 July 2024". Not read: numeric dates ("14/03/2024"), weekdays, relative dates
 * ("last Tuesday", "three weeks ago"), seasons, ranges ("3-5 March" reads as 5 March).
 */
final class DateReader {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11),
            Map.entry("december", 12), Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("apr", 4),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Set<String> YEAR_CUES = Set.of("in", "since", "during", "until", "by", "before", "after",
            "from", "of", "early", "late", "mid", "throughout");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("1[89]\\d\\d|2[01]\\d\\d");

    private DateReader() {
    }

    /** The dates among {@code words}; marks the words they use in {@code taken}. */
    static List<Detail> read(List<Word> words, boolean[] taken) {
        List<Detail> dates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int end = date(words, i, dates);
            if (end >= i) {
                for (int k = i; k <= end; k++) {
                    taken[k] = true;
                }
                i = end;
            }
        }
        return dates;
    }

    /** Reads a date starting at word {@code i} into {@code dates}; the index of its last word, or -1. */
    private static int date(List<Word> words, int i, List<Detail> dates) {
        Integer day = day(words, i);
        if (day != null) {
            int m = i + 1;
            if (m < words.size() && words.get(m).lower().equals("of")) {
                m++;
            }
            Integer month = month(words, m);
            if (month != null) {
                int last = m;
                String year = "????";
                int y = year(words, m + 1);
                if (y > 0) {
                    year = words.get(y).text();
                    last = y;
                }
                dates.add(detail(words, i, last, year, month, day));
                return last;
            }
            return -1;
        }
        Integer month = month(words, i);
        if (month == null) {
            return yearAlone(words, i, dates);
        }
        Integer after = day(words, i + 1);
        if (after != null) {
            int last = i + 1;
            String year = "????";
            int y = year(words, i + 2);
            if (y > 0) {
                year = words.get(y).text();
                last = y;
            }
            dates.add(detail(words, i, last, year, month, after));
            return last;
        }
        int y = year(words, i + 1);
        if (y > 0) {
            dates.add(detail(words, i, y, words.get(y).text(), month, null));
            return y;
        }
        return -1;
    }

    private static int yearAlone(List<Word> words, int i, List<Detail> dates) {
        Word word = words.get(i);
        if (i > 0 && YEAR.matcher(word.text()).matches() && YEAR_CUES.contains(words.get(i - 1).lower())
                && !(i + 1 < words.size() && words.get(i + 1).tag().equals("NOUN"))) {
            dates.add(new Detail("date", "", word.text() + "-??-??", word.start(), word.end()));
            return i;
        }
        return -1;
    }

    private static Detail detail(List<Word> words, int first, int last, String year, int month, Integer day) {
        String value = year + "-" + two(month) + "-" + (day == null ? "??" : two(day));
        return new Detail("date", "", value, words.get(first).start(), words.get(last).end());
    }

    private static String two(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    private static Integer day(List<Word> words, int i) {
        if (i >= words.size()) {
            return null;
        }
        Matcher matcher = DAY.matcher(words.get(i).lower());
        if (!matcher.matches()) {
            return null;
        }
        int day = Integer.parseInt(matcher.group(1));
        return day >= 1 && day <= 31 ? day : null;
    }

    /** A capitalised month name ("May" only counts beside a day or a year, which the callers check). */
    private static Integer month(List<Word> words, int i) {
        if (i >= words.size() || !words.get(i).capitalised()) {
            return null;
        }
        return MONTHS.get(words.get(i).lower().replace(".", ""));
    }

    /** The index of a year at {@code i}, or after one comma; -1 when none. */
    private static int year(List<Word> words, int i) {
        int at = i < words.size() && words.get(i).text().equals(",") ? i + 1 : i;
        return at < words.size() && YEAR.matcher(words.get(at).text()).matches() ? at : -1;
    }

    /** Whether two date values can name the same day: every part both give is equal. */
    static boolean fit(Detail a, Detail b) {
        String[] x = a.value().split("-");
        String[] y = b.value().split("-");
        for (int part = 0; part < 3; part++) {
            if (!x[part].startsWith("?") && !y[part].startsWith("?") && !x[part].equals(y[part])) {
                return false;
            }
        }
        return true;
    }
}
