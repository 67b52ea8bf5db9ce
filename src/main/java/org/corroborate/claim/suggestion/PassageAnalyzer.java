package org.corroborate.claim.suggestion;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How passages and queries are read into terms: Unicode word breaks, possessives dropped, lower
 * case, numbers written as words turned into numerals ({@link NumberWordFilter}: "twelve" and "12"
 * are one term), English stop words (and a few more, {@link #STOP_WORDS}) left out, then Porter stems ("contaminated" and "contamination"
 * meet). The same chain reads the index and the query, and finds the words to emphasise.
 */
final class PassageAnalyzer extends Analyzer {

    /**
     * Lucene's English stop words and a few more that every news sentence has and no claim turns
     * on: auxiliaries, pronouns, and the reporting verbs ("said", "told", "according").
     */
    static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        words.addAll(List.of("about", "also", "been", "being", "could", "had", "has", "have", "he", "her", "his",
                "its", "our", "she", "than", "them", "we", "were", "which", "who", "would", "said", "says",
                "told", "according"));
        return CharArraySet.unmodifiableSet(words);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new NumberWordFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
