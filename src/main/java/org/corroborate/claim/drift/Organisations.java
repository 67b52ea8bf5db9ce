package org.corroborate.claim.drift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the drift readers know about organisations: the words that mark a name as an organisation's,
 * how to compare two names of one, and a short table of real bodies renamed or replaced
 * ({@code organisations.txt}: the IPCC became the IOPC in 2018 …), so a body named in place of its
 * successor is drift while its acronym or a shorter form of its name is not.
 */
final class Organisations {

    /** Words that make a capitalised run an organisation's name. */
    private static final Set<String> ORGANISATION_WORDS = Set.of("commission", "council", "authority", "agency",
            "office", "department", "ministry", "committee", "board", "trust", "service", "services", "association",
            "union", "bank", "court", "company", "group", "foundation", "institute", "institution", "university",
            "college", "hospital", "party", "force", "constabulary", "police", "inspectorate", "regulator", "water",
            "utilities", "energy", "rail", "ltd", "limited", "plc", "inc", "llp", "corporation", "corp", "bureau",
            "tribunal", "parliament", "assembly", "executive", "federation", "society", "network", "partnership",
            "directorate", "fund", "charity", "commissioners", "watchdog", "ombudsman", "administration");
    /** Words too common among organisations' names to tie two names together on their own. */
    private static final Set<String> GENERIC = Set.of("the", "of", "for", "and", "on", "independent", "national",
            "royal", "british", "uk", "office", "department", "ministry", "council", "authority", "agency",
            "commission", "service", "services", "group", "company", "board", "committee", "trust", "association",
            "union", "limited", "ltd", "plc", "inc", "llp", "corporation", "district", "county", "city", "borough",
            "regional", "public", "general", "health", "executive", "standards", "inspectorate");
    private static final Set<String> LEGAL = Set.of("ltd", "limited", "plc", "inc", "llp", "corp");
    private static final Set<String> NOT_ACRONYMS = Set.of("UK", "US", "USA", "GB", "UAE", "TV", "OK", "AM", "PM",
            "I", "A");
    private static final Set<String> SMALL = Set.of("of", "for", "and", "the", "on", "&", "in");

    private static final Table TABLE = Table.load("organisations.txt");

    private Organisations() {
    }

    static boolean isOrganisationWord(String lower) {
        return ORGANISATION_WORDS.contains(lower);
    }

    /** Whether a capitalised run names an organisation. */
    static boolean isOrganisation(List<Word> run) {
        if (run.size() == 1 && isAcronym(run.getFirst().text())) {
            return true;
        }
        boolean proper = run.stream().anyMatch(w -> w.tag().equals("PROPN"));
        return proper && (run.stream().anyMatch(w -> ORGANISATION_WORDS.contains(w.lower()))
                || TABLE.body(normalise(run)) != null);
    }

    private static boolean isAcronym(String text) {
        return text.length() >= 2 && text.length() <= 7 && text.chars().allMatch(Character::isUpperCase)
                && !NOT_ACRONYMS.contains(text);
    }

    /** A name for comparison: lower case, without "the", legal suffixes and punctuation; "&" reads "and". */
    static String normalise(List<Word> run) {
        StringBuilder name = new StringBuilder();
        for (Word word : run) {
            String lower = word.lower().equals("&") ? "and" : word.lower().replace(".", "");
            if (lower.equals("the") || LEGAL.contains(lower) || lower.equals(",") || lower.isEmpty()) {
                continue;
            }
            name.append(name.isEmpty() ? "" : " ").append(isAcronym(word.text()) ? word.text() : lower);
        }
        return name.toString();
    }

    /** Whether two normalised names name one body: equal, an acronym of the other, aliases, or one within the other. */
    static boolean same(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        Integer x = TABLE.body(a);
        Integer y = TABLE.body(b);
        if (x != null && y != null) {
            return x.equals(y);
        }
        if (a.equals(acronym(b)) || b.equals(acronym(a))) {
            return true;
        }
        Set<String> wordsA = Set.of(a.toLowerCase(Locale.ROOT).split(" "));
        Set<String> wordsB = Set.of(b.toLowerCase(Locale.ROOT).split(" "));
        Set<String> smaller = wordsA.size() <= wordsB.size() ? wordsA : wordsB;
        Set<String> larger = smaller == wordsA ? wordsB : wordsA;
        return larger.containsAll(smaller) && smaller.stream().anyMatch(w -> !GENERIC.contains(w));
    }

    /**
     * How strongly two names that are not the same body look like one named two ways: 3 for a renamed or
     * replaced body in the table, 2 for a near spelling ("Harwick Water" / "Harwich Water"), 1 for a
     * shared distinctive word ("Independent Police Complaints Commission" / "Police Conduct Office"), else 0.
     */
    static int drift(String a, String b) {
        if (same(a, b)) {
            return 0;
        }
        Integer x = TABLE.body(a);
        Integer y = TABLE.body(b);
        if (x != null && y != null && TABLE.chained(x, y)) {
            return 3;
        }
        String lowerA = a.toLowerCase(Locale.ROOT);
        String lowerB = b.toLowerCase(Locale.ROOT);
        if (Math.min(lowerA.length(), lowerB.length()) >= 6 && Spelling.distance(lowerA, lowerB) <= 2) {
            return 2;
        }
        Set<String> wordsB = new HashSet<>(List.of(lowerB.split(" ")));
        for (String word : lowerA.split(" ")) {
            if (!GENERIC.contains(word) && word.length() > 2 && wordsB.contains(word)) {
                return 1;
            }
        }
        return 0;
    }

    /** The initials of a name's words, small words left out ("independent office for police conduct" → IOPC). */
    static String acronym(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!word.isEmpty() && !SMALL.contains(word.toLowerCase(Locale.ROOT))) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return initials.length() >= 2 ? initials.toString() : "";
    }

    /** The renaming table: each body has a number; names and acronyms map to it; successions link bodies. */
    private record Table(Map<String, Integer> bodies, Map<Integer, Integer> chain) {

        Integer body(String name) {
            return bodies.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether two bodies lie on one line of succession (the PCA, the IPCC and the IOPC). */
        boolean chained(int a, int b) {
            return a != b && root(a) == root(b);
        }

        private int root(int body) {
            int at = body;
            for (int guard = 0; chain.containsKey(at) && guard < 100; guard++) {
                at = chain.get(at);
            }
            return at;
        }

        static Table load(String resource) {
            Map<String, Integer> bodies = new HashMap<>();
            Map<Integer, Integer> chain = new HashMap<>();
            try (InputStream in = Organisations.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The organisation table " + resource + " is not on the class path");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.contains("->")) {
                        String[] pair = line.split("->");
                        int older = body(bodies, pair[0]);
                        int newer = body(bodies, pair[1]);
                        chain.put(older, newer);
                    } else {
                        List<Integer> same = new ArrayList<>();
                        for (String name : line.split("=")) {
                            same.add(body(bodies, name));
                        }
                        for (String name : line.split("=")) {
                            names(name).forEach(n -> bodies.put(n, same.getFirst()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Table(Map.copyOf(bodies), Map.copyOf(chain));
        }

        /** The number of the body a table entry names, new or known. */
        private static int body(Map<String, Integer> bodies, String entry) {
            List<String> names = names(entry);
            Integer known = names.stream().map(bodies::get).filter(n -> n != null).findFirst().orElse(null);
            int body = known != null ? known : bodies.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            names.forEach(n -> bodies.put(n, body));
            return body;
        }

        /** "Independent Office for Police Conduct (IOPC)" → its normalised name and its acronym. */
        private static List<String> names(String entry) {
            String text = entry.strip();
            List<String> names = new ArrayList<>();
            int bracket = text.indexOf('(');
            if (bracket > 0 && text.endsWith(")")) {
                names.add(text.substring(bracket + 1, text.length() - 1).strip().toLowerCase(Locale.ROOT));
                text = text.substring(0, bracket).strip();
            }
            String name = text.toLowerCase(Locale.ROOT).replace("&", "and").replace(",", "").replace("'s", "")
                    .replace("\u2019s", "").replaceAll("^the ", "").replaceAll("\\s+", " ");
            names.add(name);
            return names;
        }
    }
}
