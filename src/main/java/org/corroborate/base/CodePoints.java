package org.corroborate.base;

import java.util.Arrays;

/**
 * Converts between Unicode code point offsets (the unit of the API, the exports and the
 * browser component) and Java's UTF-16 indices, in O(log n) per conversion for one text.
 */
public final class CodePoints {

    private final String text;
    /** UTF-16 indices of the high surrogates of the text's supplementary characters, ascending. */
    private final int[] pairs;
    private final int length;

    public CodePoints(String text) {
        this.text = text;
        int[] found = new int[16];
        int count = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            if (Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i;
                i++;
            }
        }
        this.pairs = Arrays.copyOf(found, count);
        this.length = text.length() - count;
    }

    /** The text's length in code points. */
    public int length() {
        return length;
    }

    /** The UTF-16 index where the code point at {@code offset} starts; {@code length()} maps to the end. */
    public int toUtf16(int offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("Offset " + offset + " is outside 0.." + length);
        }
        // Each surrogate pair before the target adds one UTF-16 unit: find how many pairs start before it.
        int low = 0;
        int high = pairs.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (pairs[mid] - mid < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return offset + low;
    }

    /** The code point offset of a UTF-16 index (an index inside a pair counts as its pair's start). */
    public int fromUtf16(int index) {
        int before = Arrays.binarySearch(pairs, index);
        int pairsBefore = before >= 0 ? before : -before - 1;
        return index - pairsBefore;
    }

    /** The text between two code point offsets. */
    public String substring(int start, int end) {
        return text.substring(toUtf16(start), toUtf16(end));
    }
}
