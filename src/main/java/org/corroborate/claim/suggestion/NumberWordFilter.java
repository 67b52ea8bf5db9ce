package org.corroborate.claim.suggestion;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Numbers as one term however they are written: "twelve" → {@code 12}, "forty-two" and "forty two"
 * → {@code 42}, "three hundred" → {@code 300}, "2.5 million" → {@code 2500000}, "1,200" → {@code 1200}.
 * News reports say the same figure both ways, so without this "twelve people" never meets "12 people".
 * Runs after lower-casing; a run of number words becomes one token spanning them all; anything it
 * cannot read as a whole number is left as it was ("a" alone, "half", "2.5" with no scale word).
 */
final class NumberWordFilter extends TokenFilter {

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("zero", 0L), Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L),
            Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("seven", 7L),
            Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L), Map.entry("eleven", 11L),
            Map.entry("twelve", 12L), Map.entry("thirteen", 13L), Map.entry("fourteen", 14L),
            Map.entry("fifteen", 15L), Map.entry("sixteen", 16L), Map.entry("seventeen", 17L),
            Map.entry("eighteen", 18L), Map.entry("nineteen", 19L), Map.entry("twenty", 20L),
            Map.entry("thirty", 30L), Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("sixty", 60L),
            Map.entry("seventy", 70L), Map.entry("eighty", 80L), Map.entry("ninety", 90L),
            Map.entry("dozen", 12L));
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L,
            "million", 1_000_000L, "billion", 1_000_000_000L);

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private AttributeSource.State pending;
    private boolean exhausted;

    NumberWordFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        Double first = valueOf(term.toString(), true);
        if (first == null) {
            return true;
        }
        Number number = new Number(first);
        int startOffset = offset.startOffset();
        int endOffset = offset.endOffset();
        int firstIncrement = increment.getPositionIncrement();
        AttributeSource.State after = null;
        while (true) {
            if (!input.incrementToken()) {
                exhausted = true;
                break;
            }
            Double next = valueOf(term.toString(), false);
            if (next == null || !number.add(term.toString(), next)) {
                after = captureState();
                break;
            }
            endOffset = offset.endOffset();
        }
        clearAttributes();
        term.setEmpty().append(number.text());
        offset.setOffset(startOffset, endOffset);
        increment.setPositionIncrement(firstIncrement);
        pending = after;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        exhausted = false;
    }

    /** A number word's or numeral's value; a numeral (with decimals) only when it may start a number. */
    private static Double valueOf(String word, boolean first) {
        Long unit = UNITS.get(word);
        if (unit != null) {
            return unit.doubleValue();
        }
        Long scale = SCALES.get(word);
        if (scale != null) {
            return scale.doubleValue();
        }
        if (first && word.matches("\\d{1,3}(,\\d{3})+|\\d+(\\.\\d+)?")) {
            return Double.parseDouble(word.replace(",", ""));
        }
        return null;
    }

    /** A number being read word by word: a running total of complete groups and the current group. */
    private static final class Number {
        private double total;
        private double group;

        Number(double first) {
            this.group = first;
        }

        boolean add(String word, double value) {
            if (SCALES.containsKey(word)) {
                if (value == 100) {
                    group = (group == 0 ? 1 : group) * 100;
                } else {
                    total += (group == 0 ? 1 : group) * value;
                    group = 0;
                }
            } else if (group == 0 && total > 0 && value < 100) {
                group = value; // two thousand five
            } else if (value < 10 && group % 10 == 0 && group % 100 >= 20) {
                group += value; // forty two
            } else if (value < 100 && group % 100 == 0 && group >= 100) {
                group += value; // three hundred twelve
            } else {
                return false;
            }
            return true;
        }

        String text() {
            double value = total + group;
            if (value == Math.rint(value)) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
    }
}
