package org.corroborate.base.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a person is told apart on screen: two-letter initials and a colour, both derived from the
 * account name, so that a person looks the same on every screen and to every colleague. Initials
 * are the first letters of the first two parts of the name ({@code anna.smith}: AS) or its first two
 * letters ({@code alice}: AL, {@code admin}: AD); the colour is one of {@link #PALETTE}, chosen by a
 * hash of the name. Where two people shown together would look alike, the later name (in
 * alphabetical order) takes other initials and the next free colour: marks are distinct within one
 * screen, and stable as long as no look-alike joins.
 */
public record PersonMark(String name, String initials, String color) {

    /**
     * Colours that carry white initials at a WCAG contrast of 4.5 or more (checked by PersonMarkTest),
     * none of them a label colour of the shipped scheme, so a colleague's dashes stay visible on it.
     */
    public static final List<String> PALETTE = List.of("#283593", "#bf360c", "#33691e", "#6a1b9a", "#ad4e00",
            "#00796b", "#ad1457", "#4527a0", "#5d4037", "#0277bd", "#827717", "#37474f");

    /** The mark of one person on their own. */
    public static PersonMark of(String name) {
        return of(List.of(name)).get(name);
    }

    /**
     * The marks of the people shown together, by name, in alphabetical order: distinct initials, and
     * distinct colours for up to {@code PALETTE.size()} people.
     */
    public static Map<String, PersonMark> of(Collection<String> names) {
        Map<String, PersonMark> marks = new LinkedHashMap<>();
        Set<String> initialsTaken = new HashSet<>();
        Set<Integer> colorsTaken = new HashSet<>();
        for (String name : new TreeSet<>(names)) {
            String initials = initials(name, initialsTaken);
            initialsTaken.add(initials);
            int slot = slot(name);
            for (int tried = 0; tried < PALETTE.size() && colorsTaken.contains(slot); tried++) {
                slot = (slot + 1) % PALETTE.size();
            }
            colorsTaken.add(slot);
            marks.put(name, new PersonMark(name, initials, PALETTE.get(slot)));
        }
        return marks;
    }

    /** The palette slot a name hashes to (a small polynomial hash, so that the demo's people all differ). */
    static int slot(String name) {
        int hash = 0;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash * 29 + name.charAt(i)) & 0x7fffffff;
        }
        return hash % PALETTE.size();
    }

    /** The name's own initials, or, when those are taken, its first letter with a later one, or with a digit. */
    static String initials(String name, Set<String> taken) {
        List<String> letters = new ArrayList<>();
        name.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> letters.add(new String(Character.toChars(c)).toUpperCase(Locale.ROOT)));
        if (letters.isEmpty()) {
            return "?";
        }
        List<String> candidates = new ArrayList<>();
        String[] parts = name.split("[^\\p{L}\\p{N}]+");
        List<String> words = java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList();
        if (words.size() >= 2) {
            candidates.add(first(words.get(0)) + first(words.get(1)));
        }
        String head = letters.getFirst();
        for (int i = 1; i < letters.size(); i++) {
            candidates.add(head + letters.get(i));
        }
        for (int digit = 2; digit <= 9; digit++) {
            candidates.add(head + digit);
        }
        return candidates.stream().filter(c -> !taken.contains(c)).findFirst()
                .orElse(letters.size() == 1 ? head : head + letters.get(1));
    }

    private static String first(String word) {
        return new String(Character.toChars(word.codePointAt(0))).toUpperCase(Locale.ROOT);
    }
}
