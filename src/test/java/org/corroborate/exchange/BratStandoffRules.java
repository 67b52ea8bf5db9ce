package org.corroborate.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * brat's standoff format as its own reader ({@code server/src/annotation.py}) holds a file to it,
 * written out as rules a test can run: lines are what Python's {@code str.splitlines()} cuts, so no
 * line may hold another of its line ends; an id before the first tab; a T line's data
 * {@code TYPE START END[;START END]...} (fragments in order, not overlapping, within the text), then
 * a tab and exactly the fragments' texts joined by one space (the rest of the line empty or
 * starting with white space); A and M lines {@code NAME TARGET [VALUE]} naming a T of the file;
 * R lines {@code TYPE NAME:ID NAME:ID} (exactly two arguments, with different names, each a T of
 * the file); {@code #} lines {@code TYPE TARGET} (a T or an R) and a tab. Offsets count Python
 * characters (code points).
 * Every breach fails with the line.
 */
final class BratStandoffRules {

    private BratStandoffRules() {}

    /** One T line: type, fragments as [start, end) code points, and the text it gives. */
    record TextBound(String id, String type, List<int[]> fragments, String text) {}

    private static final Pattern ID = Pattern.compile("^([A-Za-z]+|#[A-Za-z]*)[0-9]+$");
    private static final Pattern TEXT_BOUND = Pattern.compile("^(\\S+) (\\d+ \\d+(?:;\\d+ \\d+)*)$");

    /** Checks the .ann against its .txt and returns its T lines by id; throws AssertionError on a breach. */
    static Map<String, TextBound> check(String ann, String txt) {
        int[] text = txt.codePoints().toArray();
        List<String> lines = BratFormat.lines(ann);
        String[] byLf = ann.split("\n", -1);
        int expected = ann.isEmpty() ? 0 : ann.endsWith("\n") ? byLf.length - 1 : byLf.length;
        if (lines.size() != expected) {
            throw new AssertionError("a line holds a character Python's splitlines() ends a line at: " + lines.size()
                    + " lines by splitlines(), " + expected + " by LF");
        }
        Map<String, TextBound> bounds = new LinkedHashMap<>();
        List<String[]> references = new ArrayList<>();
        List<String[]> notes = new ArrayList<>();
        java.util.Set<String> relations = new java.util.HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String where = "line " + (n + 1) + " '" + line + "': ";
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new AssertionError(where + "no tab after the id");
            }
            String id = line.substring(0, tab);
            if (!ID.matcher(id).matches()) {
                throw new AssertionError(where + "not a valid id");
            }
            String rest = line.substring(tab + 1);
            int dataEnd = rest.indexOf('\t');
            String data = dataEnd < 0 ? rest : rest.substring(0, dataEnd);
            String tail = dataEnd < 0 ? "" : rest.substring(dataEnd);
            switch (id.charAt(0)) {
                case 'T' -> {
                    Matcher m = TEXT_BOUND.matcher(data);
                    if (!m.matches()) {
                        throw new AssertionError(where + "data is not 'TYPE START END[;START END]'");
                    }
                    List<int[]> fragments = new ArrayList<>();
                    for (String part : m.group(2).split(";")) {
                        String[] pair = part.split(" ");
                        int start = Integer.parseInt(pair[0]);
                        int end = Integer.parseInt(pair[1]);
                        if (start > end || end > text.length) {
                            throw new AssertionError(where + "fragment " + part + " is not within the text");
                        }
                        for (int[] seen : fragments) {
                            if (end >= seen[0] && start < seen[1]) {
                                throw new AssertionError(where + "fragments overlap");
                            }
                        }
                        fragments.add(new int[] {start, end});
                    }
                    StringBuilder joined = new StringBuilder();
                    for (int[] f : fragments) {
                        if (f != fragments.getFirst()) {
                            joined.append(' ');
                        }
                        joined.append(new String(text, f[0], f[1] - f[0]));
                    }
                    if (!tail.startsWith("\t")) {
                        throw new AssertionError(where + "no tab before the text");
                    }
                    String given = tail.substring(1);
                    if (!given.startsWith(joined.toString())) {
                        throw new AssertionError(where + "text does not match the fragments' text '" + joined + "'");
                    }
                    String after = given.substring(joined.length());
                    if (!after.isEmpty() && !PythonText.isSpace(after.codePointAt(0))) {
                        throw new AssertionError(where + "text not separated from the rest of the line");
                    }
                    bounds.put(id, new TextBound(id, m.group(1), fragments, joined.toString()));
                }
                case 'A', 'M' -> {
                    String[] parts = data.split(" ", 3);
                    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                        throw new AssertionError(where + "an attribute needs 'NAME TARGET [VALUE]'");
                    }
                    references.add(new String[] {where, parts[1]});
                }
                case '#' -> {
                    String[] parts = data.strip().split("\\s+");
                    if (parts.length != 2 || !tail.startsWith("\t")) {
                        throw new AssertionError(where + "a note needs 'TYPE TARGET' and a tab");
                    }
                    notes.add(new String[] {where, parts[1]});
                }
                case 'R' -> {
                    // brat's _parse_relation_annotation: TYPE, then exactly two NAME:ID arguments, names different.
                    String[] parts = data.split(" ", 2);
                    String[] args = parts.length < 2 ? new String[0] : parts[1].strip().split("\\s+");
                    if (parts.length < 2 || parts[0].isEmpty() || args.length != 2) {
                        throw new AssertionError(where + "a relation needs 'TYPE ARG1:ID ARG2:ID'");
                    }
                    String[] first = args[0].split(":");
                    String[] second = args[1].split(":");
                    if (first.length != 2 || second.length != 2 || first[0].equals(second[0])) {
                        throw new AssertionError(where + "a relation's two arguments are NAME:ID with different names");
                    }
                    references.add(new String[] {where, first[1]});
                    references.add(new String[] {where, second[1]});
                    relations.add(id);
                }
                default -> throw new AssertionError(where + "not a line the workbench writes");
            }
        }
        for (String[] reference : references) {
            if (!bounds.containsKey(reference[1])) {
                throw new AssertionError(reference[0] + "names " + reference[1] + ", which no T line defines");
            }
        }
        for (String[] note : notes) {
            if (!bounds.containsKey(note[1]) && !relations.contains(note[1])) {
                throw new AssertionError(note[0] + "names " + note[1] + ", which no T or R line defines");
            }
        }
        return bounds;
    }
}
