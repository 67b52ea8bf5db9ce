package org.corroborate.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void normalisesLineEndingsToLineFeeds() {
        assertThat(SourceText.normalise("a\r\nb\rc\nd")).isEqualTo("a\nb\nc\nd");
    }

    @Test
    void composesCombiningMarksToNfc() {
        String decomposed = "Zoe\u0308 O\u0308degard";
        assertThat(SourceText.normalise(decomposed)).isEqualTo("Zoë Ödegard");
    }

    @Test
    void hashesTheUtf8BytesOfTheNormalisedText() {
        // Reference value: printf 'abc' | sha256sum
        assertThat(SourceText.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SourceText.sha256(SourceText.normalise("Zoe\u0308\r\n")))
                .isEqualTo(SourceText.sha256("Zoë\n"));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(SourceText.codePointLength("💧 day 40")).isEqualTo(8);
        assertThat("💧 day 40".length()).isEqualTo(9);
        assertThat(SourceText.codePointLength("👩‍👩‍👧")).isEqualTo(5);
        assertThat(SourceText.codePointLength("مرحبا")).isEqualTo(5);
    }
}
