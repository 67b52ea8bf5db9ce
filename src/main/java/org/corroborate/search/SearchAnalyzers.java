package org.corroborate.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The two Lucene analyzers of corpus search, the same for indexing, querying and {@link TextLocator}:
 *
 * <ul>
 *   <li>{@value #ENGLISH}: Unicode word segmentation (UAX #29, Lucene's {@code StandardTokenizer}),
 *       English possessives removed, lower case, accents folded to ASCII, Porter stemming (Lucene's
 *       {@code PorterStemFilter}, M. F. Porter 1980): words and phrases ("ministers" finds "minister").
 *       No stop words, so that a phrase matches exactly the words typed.</li>
 *   <li>{@value #PLAIN}: the same without stemming: prefixes ({@code minist*}) are matched against
 *       whole words, since a stem is not a prefix of every form ("ministe" is not a prefix of
 *       "minist").</li>
 * </ul>
 *
 * <p>Registered with Hibernate Search as its Lucene analysis configurer (by class name from
 * {@link SearchConfiguration}, hence public with a public constructor).
 */
public final class SearchAnalyzers implements LuceneAnalysisConfigurer {

    /** The stemming analyzer's name in the mapping. */
    public static final String ENGLISH = "english";
    /** The non-stemming analyzer's name in the mapping. */
    public static final String PLAIN = "plain";

    private static final Analyzer ENGLISH_ANALYZER = build(true);
    private static final Analyzer PLAIN_ANALYZER = build(false);

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(ENGLISH).instance(ENGLISH_ANALYZER);
        context.analyzer(PLAIN).instance(PLAIN_ANALYZER);
    }

    /** The stemming analyzer; thread-safe (Lucene keeps components per thread). */
    public static Analyzer english() {
        return ENGLISH_ANALYZER;
    }

    /** The non-stemming analyzer; thread-safe. */
    public static Analyzer plain() {
        return PLAIN_ANALYZER;
    }

    private static Analyzer build(boolean stem) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.NAME)
                    .addTokenFilter(EnglishPossessiveFilterFactory.NAME)
                    .addTokenFilter(LowerCaseFilterFactory.NAME)
                    .addTokenFilter(ASCIIFoldingFilterFactory.NAME);
            if (stem) {
                builder.addTokenFilter(PorterStemFilterFactory.NAME);
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
