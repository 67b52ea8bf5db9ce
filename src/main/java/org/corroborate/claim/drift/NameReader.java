package org.corroborate.claim.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads people's and organisations' names from runs of capitalised proper nouns (OpenNLP's
 * {@code PROPN}; capitalised nouns and adjectives join a run that has one, so "Independent Police
 * Complaints Commission" is one name; "of", "for", "and", "&amp;" join two capitalised words).
 *
 * <p>A run is an organisation when it holds an organisation word ("Commission", "Council", "Police",
 * "Ltd" …), is an acronym ("IOPC"), or is a body {@link Organisations} knows. It is a person when a
 * title comes first ("Ms", "Dr", "Det Insp"; the title is not part of the name) or when it is two or
 * three capitalised words with no organisation word and no month, not after "in", "at", "near" or
 * "from" (which mostly introduce places). A lone surname counts only after a title ("Ms Morley").
 * Places, products and events are not told apart from people beyond that.
 */
final class NameReader {

    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor",
            "sir", "dame", "lord", "lady", "cllr", "councillor", "det", "detective", "insp", "inspector", "sgt",
            "sergeant", "supt", "superintendent", "ch", "chief", "constable", "pc", "dc", "ds", "di", "dci", "rev",
            "reverend", "judge", "justice", "mp", "officer", "president", "minister", "senator", "governor",
            "mayor", "commissioner", "captain", "capt", "lt", "col", "gen", "executive", "director", "secretary",
            "chair", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "resident", "residents");
    private static final Set<String> JOINERS = Set.of("of", "for", "and", "&", "on");
    private static final Set<String> PLACE_CUES = Set.of("in", "at", "near", "from", "to", "across", "outside",
            "around");
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday");
    private static final int LONGEST_RUN = 8;

    private NameReader() {
    }

    /** The people and organisations named among {@code words}. */
    static List<Detail> read(List<Word> words, boolean[] taken) {
        List<Detail> names = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (taken[i] || !startsName(words.get(i))) {
                continue;
            }
            int last = runEnd(words, taken, i);
            Detail name = name(words, i, last);
            if (name != null) {
                names.add(name);
            }
            i = last;
        }
        return names;
    }

    private static boolean startsName(Word word) {
        return word.capitalised() && properish(word);
    }

    private static boolean properish(Word word) {
        String tag = word.tag();
        return tag.equals("PROPN") || tag.equals("NOUN") || tag.equals("ADJ") || tag.equals("X");
    }

    /** The last word of the capitalised run starting at {@code i}. */
    private static int runEnd(List<Word> words, boolean[] taken, int i) {
        int last = i;
        for (int j = i + 1; j < words.size() && j < i + LONGEST_RUN; j++) {
            Word word = words.get(j);
            if (taken[j]) {
                break;
            }
            if (word.capitalised() && properish(word)) {
                last = j;
            } else if (JOINERS.contains(word.lower()) && j + 1 < words.size() && words.get(j + 1).capitalised()
                    && properish(words.get(j + 1)) && hasOrganisationWord(words, i, j)) {
                continue;
            } else if (word.lower().equals("the") && j > 0 && JOINERS.contains(words.get(j - 1).lower())
                    && j + 1 < words.size() && words.get(j + 1).capitalised()) {
                continue;
            } else {
                break;
            }
        }
        return last;
    }

    /** Joiners ("of", "for") belong to organisation names: "Office for Police Conduct", not "Morley of Leeds". */
    private static boolean hasOrganisationWord(List<Word> words, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Organisations.isOrganisationWord(words.get(k).lower())) {
                return true;
            }
        }
        // "Independent Office for Police Conduct": the word after the joiner run may carry the cue too.
        for (int k = to + 1; k < words.size() && k < to + 4 && words.get(k).capitalised(); k++) {
            if (Organisations.isOrganisationWord(words.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private static Detail name(List<Word> words, int first, int last) {
        int start = first;
        while (start <= last && TITLES.contains(words.get(start).lower().replace(".", ""))) {
            start++;
        }
        boolean titled = start > first;
        // A capitalised common noun opening the run ("Residents Sarah Jones") is not part of the name.
        while (start < last && !words.get(start).tag().equals("PROPN") && !Organisations.isOrganisation(
                words.subList(first, last + 1))) {
            start++;
        }
        List<Word> run = words.subList(first, last + 1);
        List<Word> named = words.subList(start, last + 1);
        if (Organisations.isOrganisation(run)) {
            Word head = words.get(first).lower().equals("the") ? words.get(first + 1) : words.get(first);
            return new Detail("organisation", "", Organisations.normalise(run), head.start(), words.get(last).end());
        }
        if (named.isEmpty() || !named.stream().allMatch(NameReader::personWord)
                || named.stream().noneMatch(w -> w.tag().equals("PROPN"))) {
            return null;
        }
        boolean placed = first > 0 && PLACE_CUES.contains(words.get(first - 1).lower());
        if (!titled && (named.size() < 2 || named.size() > 3 || placed)) {
            return null;
        }
        String surname = named.getLast().lower();
        StringBuilder value = new StringBuilder();
        for (Word word : named) {
            value.append(value.isEmpty() ? "" : " ").append(word.lower());
        }
        return new Detail("person", surname, value.toString(), named.getFirst().start(), named.getLast().end());
    }

    /** A word that can be part of a person's name: capitalised letters (with ' or .), not a month or day. */
    private static boolean personWord(Word word) {
        String text = word.text();
        return word.capitalised() && !CALENDAR.contains(word.lower()) && text.codePoints()
                .allMatch(c -> Character.isLetter(c) || c == '\'' || c == '\u2019' || c == '.');
    }
}
