package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodePointsTest {

    private static final String TEXT = "a💧b👩‍👩‍👧 Zoe\u0301 قال 😀";

    @Test
    void agreesWithTheJdkOnEveryOffset() {
        CodePoints points = new CodePoints(TEXT);
        assertThat(points.length()).isEqualTo(TEXT.codePointCount(0, TEXT.length()));
        for (int offset = 0; offset <= points.length(); offset++) {
            int index = TEXT.offsetByCodePoints(0, offset);
            assertThat(points.toUtf16(offset)).as("offset %d", offset).isEqualTo(index);
            assertThat(points.fromUtf16(index)).as("index %d", index).isEqualTo(offset);
        }
    }

    @Test
    void cutsTheSameSubstringAsPythonWould() {
        CodePoints points = new CodePoints(TEXT);
        // In Python: "a💧b👩‍👩‍👧 Zoé قال 😀"[1:3] == "💧b"
        assertThat(points.substring(1, 3)).isEqualTo("💧b");
        assertThat(points.substring(3, 8)).isEqualTo("👩‍👩‍👧");
        assertThat(points.substring(points.length() - 1, points.length())).isEqualTo("😀");
    }

    @Test
    void refusesOffsetsOutsideTheText() {
        CodePoints points = new CodePoints("abc");
        assertThatThrownBy(() -> points.toUtf16(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> points.toUtf16(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void handlesTextWithoutSupplementaryCharacters() {
        CodePoints points = new CodePoints("plain");
        assertThat(points.toUtf16(5)).isEqualTo(5);
        assertThat(points.substring(1, 4)).isEqualTo("lai");
    }
}
