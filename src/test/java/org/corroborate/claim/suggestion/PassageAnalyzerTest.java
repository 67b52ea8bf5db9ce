package org.corroborate.claim.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.corroborate.claim.nlp.EnglishText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How passages are read into terms: English stems and stop words, and numbers however they are written. */
class PassageAnalyzerTest {

    @TempDir
    static Path folder;

    private static PassageIndex index;

    @BeforeAll
    static void open() {
        index = new PassageIndex(folder, new Passages(new EnglishText()));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void stemsAndDropsStopWords() {
        assertThat(index.terms("He said they had been told")).isEmpty();
        assertThat(index.terms("The residents were contaminated by the water's lead"))
                .containsExactly("resid", "contamin", "water", "lead");
    }

    @Test
    void numberWordsBecomeNumerals() {
        assertThat(index.terms("twelve")).isEqualTo(index.terms("12"));
        assertThat(index.terms("forty-two people")).containsExactly("42", "peopl");
        assertThat(index.terms("forty two")).containsExactly("42");
        assertThat(index.terms("three hundred homes")).containsExactly("300", "home");
        assertThat(index.terms("three hundred and twelve")).containsExactly("300", "12");
        assertThat(index.terms("2.5 million litres")).containsExactly("2500000", "litr");
        assertThat(index.terms("1,200 households")).containsExactly("1200", "household");
        assertThat(index.terms("two thousand five hundred")).containsExactly("2500");
        assertThat(index.terms("a dozen wells")).containsExactly("12", "well");
        assertThat(index.terms("twelve 12")).containsExactly("12", "12");
    }

    @Test
    void numbersKeepTheirPlaceInTheText() {
        String text = "About forty-two homes";
        List<PassageIndex.Match> matches = index.matches(text);
        assertThat(matches).extracting(PassageIndex.Match::term).containsExactly("42", "home");
        PassageIndex.Match number = matches.getFirst();
        assertThat(text.substring(number.start(), number.end())).isEqualTo("forty-two");
    }
}
