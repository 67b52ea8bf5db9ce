package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.corroborate.base.WorkbenchException;
import org.corroborate.search.QueryNode.All;
import org.corroborate.search.QueryNode.Any;
import org.corroborate.search.QueryNode.Not;
import org.corroborate.search.QueryNode.Phrase;
import org.corroborate.search.QueryNode.Prefix;
import org.corroborate.search.QueryNode.Term;
import org.junit.jupiter.api.Test;

class SearchQueryParserTest {

    private static QueryNode parse(String q) {
        return SearchQueryParser.parse(q);
    }

    private static void refused(String q, String messagePart) {
        assertThatThrownBy(() -> parse(q)).isInstanceOf(WorkbenchException.class)
                .satisfies(e -> assertThat(((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.BAD_INPUT))
                .hasMessageContaining(messagePart);
    }

    @Test
    void wordsAreAnded() {
        assertThat(parse("minister said")).isEqualTo(new All(List.of(new Term("minister"), new Term("said"))));
        assertThat(parse("minister AND said")).isEqualTo(new All(List.of(new Term("minister"), new Term("said"))));
        assertThat(parse("  minister ")).isEqualTo(new Term("minister"));
    }

    @Test
    void phrasesAndPrefixes() {
        assertThat(parse("\"said the minister\" minist*")).isEqualTo(new All(List.of(
                new Phrase(List.of("said", "the", "minister")), new Prefix("minist"))));
        assertThat(parse("\"minister\"")).isEqualTo(new Term("minister"));
        assertThat(parse("épi*")).isEqualTo(new Prefix("épi"));
    }

    @Test
    void orBindsWeakerThanAnd() {
        assertThat(parse("a b OR c")).isEqualTo(new Any(List.of(
                new All(List.of(new Term("a"), new Term("b"))), new Term("c"))));
        assertThat(parse("a (b OR c)")).isEqualTo(new All(List.of(
                new Term("a"), new Any(List.of(new Term("b"), new Term("c"))))));
        assertThat(parse("a or b")).as("lower-case or is a word").isEqualTo(new All(List.of(
                new Term("a"), new Term("or"), new Term("b"))));
    }

    @Test
    void negations() {
        assertThat(parse("police -army")).isEqualTo(new All(List.of(new Term("police"), new Not(new Term("army")))));
        assertThat(parse("police NOT army")).isEqualTo(new All(List.of(new Term("police"), new Not(new Term("army")))));
        assertThat(parse("police -\"the army\"")).isEqualTo(new All(List.of(new Term("police"),
                new Not(new Phrase(List.of("the", "army"))))));
        assertThat(parse("police -(army OR navy)")).isEqualTo(new All(List.of(new Term("police"),
                new Not(new Any(List.of(new Term("army"), new Term("navy")))))));
        assertThat(parse("well-known")).as("an inner dash is part of the word").isEqualTo(new Term("well-known"));
    }

    @Test
    void punctuationOnlyWordsAreDropped() {
        assertThat(parse("police - army")).isEqualTo(new All(List.of(new Term("police"), new Term("army"))));
        refused("— …", "no words");
    }

    @Test
    void refusesBlankAndHuge() {
        refused("", "empty");
        refused("   ", "empty");
        refused("a".repeat(1_001), "too long");
        refused("w ".repeat(65), "65 words");
        assertThat(parse("w ".repeat(64))).isInstanceOf(All.class);
        refused("a-".repeat(100) + "a", "101 words");
        refused("\"" + "w ".repeat(65) + "\"", "65 words");
    }

    @Test
    void refusesUnbalanced() {
        refused("\"said the", "Unbalanced quotes");
        refused("(a b", "not closed");
        refused("a b)", "no matching");
        refused("a \"b\" \"c", "Unbalanced quotes");
    }

    @Test
    void refusesWildcardsThatScan() {
        refused("*", "leading wildcard");
        refused("*ister", "leading wildcard");
        refused("min*ter", "inside a word");
        refused("min?ster", "\"?\"");
        refused("mi*", "too short");
        refused("\"the minis*\"", "inside a \"phrase\"");
    }

    @Test
    void refusesNegationAlone() {
        refused("-army", "only negations");
        refused("NOT army", "only negations");
        refused("-army -navy", "only negations");
        refused("police (-army)", "only negations");
        refused("police OR -army", "beside OR");
        refused("police NOT", "followed by the word");
        assertThat(parse("police -")).isEqualTo(new Term("police"));
    }
}
