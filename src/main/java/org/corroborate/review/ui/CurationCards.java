package org.corroborate.review.ui;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.base.ui.ImportMark;
import org.corroborate.base.ui.LabelChip;
import org.corroborate.review.Tally;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.review.adjudication.Unit;
import org.corroborate.scheme.LabelScheme;

/**
 * The curation page's units as {@code <cb-curation-units>} draws them: each unit with its context
 * (the sentence around it, at most {@link #REACH} code points either side), its versions with their
 * attributes as named fields (the scheme's titles), verdict tallies and decision. Offsets count code
 * points. Without Vaadin, so that the rules are tested on their own.
 */
final class CurationCards {

    /** How far the context reaches beyond a unit on either side, in code points, when no sentence ends sooner. */
    static final int REACH = 120;
    private static final Pattern RGB = Pattern.compile("#[0-9a-fA-F]{6}");

    /** An attribute by its title, with its value. */
    record Field(String name, String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Version(long id, String author, int start, int end, List<Field> fields, String note, String tally,
                   String imported, String label) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Decision(long id, Outcome outcome, String label, String title, String color, String ink, Integer start, Integer end,
                    List<Field> fields, String reason, String by, String imported) {}

    /**
     * A unit; {@code key} names it in the page's events (its first version's id); {@code clipped}
     * says the context was cut inside a sentence before ({@code clippedBefore}) or after it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Card(String key, String label, String title, String color, String ink, int start, int end, int contextStart,
                int contextEnd, boolean clippedBefore, boolean clippedAfter, boolean agreed, List<Version> versions,
                Decision decision) {}

    private final LabelScheme scheme;
    private final int[] text;

    CurationCards(LabelScheme scheme, String text) {
        this.scheme = scheme;
        this.text = text.codePoints().toArray();
    }

    /** The text from code point {@code from} to {@code to}. */
    String text(int from, int to) {
        return new String(text, from, to - from);
    }

    /** The key of a unit: its first version's id. */
    static String key(Unit unit) {
        return String.valueOf(unit.versions().getFirst().id());
    }

    List<Card> cards(List<Unit> units, Map<Long, Tally> tallies) {
        List<Card> cards = new ArrayList<>(units.size());
        for (Unit unit : units) {
            List<Version> versions = unit.versions().stream().map(v -> new Version(v.id(), v.author(), v.start(),
                    v.end(), fields(v.label(), v.attributes()), v.note(),
                    tallies.containsKey(v.id()) ? tallies.get(v.id()).toString() : null,
                    v.imported() == null ? null : ImportMark.describe(v.imported()),
                    v.label().equals(unit.label()) ? null : scheme.titleOf(v.label()))).toList();
            String color = color(unit.label());
            int from = contextStart(unit.start());
            int to = contextEnd(unit.end());
            cards.add(new Card(key(unit), unit.label(), scheme.titleOf(unit.label()), color, LabelChip.inkOn(color), unit.start(), unit.end(),
                    from, to, !sentenceStartsAt(from), !sentenceEndsAt(to), unit.agreed(), versions,
                    decision(unit.decision())));
        }
        return cards;
    }

    private Decision decision(DecisionDetails d) {
        if (d == null) {
            return null;
        }
        String imported = d.imported() == null ? null : ImportMark.describe(d.imported());
        if (d.gold() == null) {
            return new Decision(d.id(), d.outcome(), null, null, null, null, null, null, List.of(), d.reason(),
                    d.decidedBy(), imported);
        }
        String color = color(d.gold().label());
        return new Decision(d.id(), d.outcome(), d.gold().label(), scheme.titleOf(d.gold().label()), color, LabelChip.inkOn(color), d.gold().start(),
                d.gold().end(), fields(d.gold().label(), d.gold().attributes()), d.reason(), d.decidedBy(), imported);
    }

    /** Attribute values as the scheme names them, in the scheme's order; values it does not declare by their key. */
    List<Field> fields(String labelName, Map<String, String> values) {
        List<Field> fields = new ArrayList<>();
        LabelScheme.Label label = scheme.label(labelName).orElse(null);
        if (label != null) {
            label.attributes().forEach(a -> {
                if (values.get(a.name()) != null) {
                    fields.add(new Field(a.title(), values.get(a.name())));
                }
            });
        }
        values.forEach((name, value) -> {
            if (label == null || label.attribute(name).isEmpty()) {
                fields.add(new Field(name, value));
            }
        });
        return fields;
    }

    private String color(String label) {
        String color = scheme.colorOf(label);
        return color != null && RGB.matcher(color).matches() ? color : LabelChip.UNKNOWN_COLOR;
    }

    /**
     * Where the context before {@code start} begins: after the end of the sentence before it (a line
     * break, or {@code . ! ?} and white space) if one lies within {@link #REACH}; else at a word
     * boundary about {@link #REACH} code points back.
     */
    int contextStart(int start) {
        int limit = Math.max(0, start - REACH);
        for (int i = start - 1; i >= limit; i--) {
            if (text[i] == '\n' || Character.isWhitespace(text[i]) && i > 0 && isStop(text[i - 1])) {
                int from = i + 1;
                while (from < start && Character.isWhitespace(text[from])) {
                    from++;
                }
                return from;
            }
        }
        if (limit == 0) {
            return 0;
        }
        for (int i = limit; i < start; i++) {
            if (Character.isWhitespace(text[i])) {
                return i + 1;
            }
        }
        return limit;
    }

    /** Where the context after {@code end} stops: after the sentence's end, or at a word boundary about {@link #REACH} on. */
    int contextEnd(int end) {
        int limit = Math.min(text.length, end + REACH);
        for (int i = Math.max(end, 1) - 1; i < limit; i++) {
            if (i >= end && text[i] == '\n') {
                return i;
            }
            if (i >= end - 1 && isStop(text[i]) && (i + 1 == text.length || Character.isWhitespace(text[i + 1]))
                    && i + 1 >= end) {
                return i + 1;
            }
        }
        if (limit == text.length) {
            return limit;
        }
        for (int i = limit; i > end; i--) {
            if (Character.isWhitespace(text[i - 1])) {
                return i - 1;
            }
        }
        return limit;
    }

    /** Whether a sentence starts at code point {@code at}: the text's start, or after a line break or a sentence's end. */
    boolean sentenceStartsAt(int at) {
        int i = at - 1;
        if (i >= 0 && text[i] == '\n') {
            return true;
        }
        while (i >= 0 && Character.isWhitespace(text[i])) {
            i--;
        }
        return i < 0 || i < at - 1 && isStop(text[i]);
    }

    /** Whether a sentence ends at code point {@code at}: the text's end, a line break, or after a sentence's end. */
    boolean sentenceEndsAt(int at) {
        return at >= text.length || text[at] == '\n' || at > 0 && isStop(text[at - 1]);
    }

    private static boolean isStop(int c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }
}
