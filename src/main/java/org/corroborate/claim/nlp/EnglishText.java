package org.corroborate.claim.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.corroborate.base.CodePoints;
import org.springframework.stereotype.Component;

/**
 * English sentences, tokens and parts of speech, through Apache OpenNLP 2.5 and its Universal
 * Dependencies models (English Web Treebank, {@code opennlp-models-*-en} 1.3.0 on Maven Central).
 * The one place the claim feature reads text with a language model: drift detection and suggestion
 * passages both come here.
 *
 * <p>Offsets are <b>code points</b> of the text given, end exclusive, as everywhere in the workbench.
 * Tags are Universal POS tags ({@code PROPN}, {@code NOUN}, {@code NUM}, {@code PUNCT} …, see
 * <a href="https://universaldependencies.org/u/pos/">universaldependencies.org/u/pos</a>).
 * The models load on first use (about half a second), then every method is thread-safe.
 */
@Component
public class EnglishText {

    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    /** A stretch of the text: {@code [start, end)} in code points. */
    public record TextSpan(int start, int end) {
    }

    /** One token: its text, its place {@code [start, end)} in code points, and its Universal POS tag. */
    public record Token(String text, int start, int end, String tag) {
    }

    private volatile Models models;

    /** The sentences of a text, in order, trimmed of surrounding white space; none for blank text. */
    public List<TextSpan> sentences(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        var positions = models().sentences.sentPosDetect(text);
        CodePoints points = new CodePoints(text);
        List<TextSpan> spans = new ArrayList<>(positions.length);
        for (var position : positions) {
            spans.add(new TextSpan(points.fromUtf16(position.getStart()), points.fromUtf16(position.getEnd())));
        }
        return spans;
    }

    /** The tokens of a text (best within one sentence or a short excerpt), each with its POS tag. */
    public List<Token> tokens(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        Models loaded = models();
        var positions = loaded.tokens.tokenizePos(text);
        String[] words = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            words[i] = positions[i].getCoveredText(text).toString();
        }
        String[] tags = loaded.tags.tag(words);
        CodePoints points = new CodePoints(text);
        List<Token> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            tokens.add(new Token(words[i], points.fromUtf16(positions[i].getStart()),
                    points.fromUtf16(positions[i].getEnd()), tags[i]));
        }
        return tokens;
    }

    private Models models() {
        Models loaded = models;
        if (loaded == null) {
            synchronized (this) {
                loaded = models;
                if (loaded == null) {
                    SentenceModel sentenceModel = load(SENTENCE_MODEL, SentenceModel::new);
                    TokenizerModel tokenModel = load(TOKEN_MODEL, TokenizerModel::new);
                    POSModel posModel = load(POS_MODEL, POSModel::new);
                    loaded = new Models(new ThreadSafeSentenceDetectorME(sentenceModel),
                            new ThreadSafeTokenizerME(tokenModel), new ThreadSafePOSTaggerME(posModel));
                    models = loaded;
                }
            }
        }
        return loaded;
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = EnglishText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The OpenNLP model " + resource + " is not on the class path");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenNLP model " + resource + " could not be read", e);
        }
    }

    private record Models(ThreadSafeSentenceDetectorME sentences, ThreadSafeTokenizerME tokens,
                          ThreadSafePOSTaggerME tags) {
    }
}
