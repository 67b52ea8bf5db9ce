package org.corroborate.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.BytesRef;
import org.corroborate.base.CodePoints;

/**
 * Where a query matches inside a text, for every {@link SearchEngine}: the place of the best match, a
 * snippet of about {@value #SNIPPET_CHARS} characters around it and the matched words inside the
 * snippet. The text is analysed with the index's own analyzers ({@link SearchAnalyzers}), so a hit is
 * highlighted where the index matched it: "ministers" for the word {@code minister}, every form of a
 * word for a prefix. All offsets returned are <b>code points</b> (Lucene's token offsets are UTF-16
 * indices, converted with {@link CodePoints}).
 *
 * <p>Best match: among the places where a word, phrase or prefix of the query (not under a negation)
 * matches, the one followed within half a snippet by the most different parts of the query; the
 * earliest among equals. Pure and thread-safe.
 */
public final class TextLocator {

    /** The snippet's length, in characters, when the text is long enough. */
    public static final int SNIPPET_CHARS = 240;
    /** How much of the snippet comes before the match. */
    private static final int LEAD = 80;
    /** Matches looked at per text: enough for the best place, bounded for huge texts. */
    private static final int MAX_MATCHES = 5_000;

    private TextLocator() {}

    /**
     * A located match.
     *
     * @param found      whether the query matched the text at all (false: the hit came from elsewhere, such
     *                   as a title; then start = end = 0 and the snippet is the text's beginning)
     * @param start      the match's start in the text, code points
     * @param end        its end, exclusive
     * @param text       the matched text
     * @param snippet    the text around it, plain, at most about {@value #SNIPPET_CHARS} characters
     * @param highlights the matches inside the snippet, [start, end) in code points of the snippet
     */
    public record Located(boolean found, int start, int end, String text, String snippet, List<int[]> highlights) {
        public Located {
            highlights = List.copyOf(highlights);
        }
    }

    /**
     * The best match of the query in a source's text.
     *
     * @param text  the source's text
     * @param query the parsed query
     */
    public static Located locate(String text, QueryNode query) {
        List<Match> matches = matches(text, query);
        if (matches.isEmpty()) {
            int end = cut(text, Math.min(text.length(), SNIPPET_CHARS), false);
            return new Located(false, 0, 0, "", text.substring(0, end), List.of());
        }
        Match best = best(matches);
        int from = cut(text, Math.max(0, best.start - LEAD), true);
        int to = cut(text, Math.max(best.end, Math.min(text.length(), from + SNIPPET_CHARS)), false);
        to = Math.max(to, best.end);
        CodePoints points = new CodePoints(text);
        return new Located(true, points.fromUtf16(best.start), points.fromUtf16(best.end),
                text.substring(best.start, best.end), text.substring(from, to), highlights(matches, from, to, points));
    }

    /**
     * The snippet of an annotation hit: its covered text with the context kept beside it, trimmed to
     * about {@value #SNIPPET_CHARS} characters, with the query's matches inside it highlighted (none
     * when the annotation matched on its label, attributes or note only).
     *
     * @param before  context before the span, as stored with the annotation
     * @param covered the covered text
     * @param after   context after the span
     * @param start   the span's start in the source, code points
     * @param end     the span's end, exclusive
     * @param query   the parsed query
     */
    public static Located annotation(String before, String covered, String after, int start, int end,
                                     QueryNode query) {
        int room = Math.max(0, SNIPPET_CHARS - covered.length());
        String lead = before.length() > room / 2 ? before.substring(before.length() - room / 2) : before;
        if (!lead.isEmpty() && Character.isLowSurrogate(lead.charAt(0))) {
            lead = lead.substring(1);
        }
        int tailRoom = Math.max(0, room - lead.length());
        String tail = after.length() > tailRoom ? after.substring(0, tailRoom) : after;
        if (!tail.isEmpty() && Character.isHighSurrogate(tail.charAt(tail.length() - 1))) {
            tail = tail.substring(0, tail.length() - 1);
        }
        String snippet = lead + covered + tail;
        CodePoints points = new CodePoints(snippet);
        return new Located(true, start, end, covered, snippet,
                highlights(matches(snippet, query), 0, snippet.length(), points));
    }

    /**
     * Every match of the query's positive parts in the text, as code point ranges [start, end), in text
     * order (at most a few thousand): for engines and views that mark all of them.
     */
    public static List<int[]> ranges(String text, QueryNode query) {
        CodePoints points = new CodePoints(text);
        return highlights(matches(text, query), 0, text.length(), points);
    }

    // ---- matching -----------------------------------------------------------------------------

    /** A match in UTF-16 indices, and which part of the query made it. */
    private record Match(int start, int end, int part) {}

    private record Token(String term, int start, int end) {}

    private static List<Match> matches(String text, QueryNode query) {
        List<QueryNode> parts = new ArrayList<>();
        positives(query, parts);
        List<Token> stemmed = null;
        List<Token> plain = null;
        List<Match> found = new ArrayList<>();
        for (int part = 0; part < parts.size(); part++) {
            QueryNode node = parts.get(part);
            if (node instanceof QueryNode.Prefix prefix) {
                if (plain == null) {
                    plain = tokens(SearchAnalyzers.plain(), text);
                }
                BytesRef normal = SearchAnalyzers.plain().normalize("text", prefix.prefix());
                String wanted = normal.utf8ToString();
                for (Token token : plain) {
                    if (token.term.startsWith(wanted)) {
                        found.add(new Match(token.start, token.end, part));
                    }
                }
            } else {
                String words = node instanceof QueryNode.Phrase phrase ? String.join(" ", phrase.words())
                        : ((QueryNode.Term) node).word();
                List<String> sequence = tokens(SearchAnalyzers.english(), words).stream().map(Token::term).toList();
                if (sequence.isEmpty()) {
                    continue;
                }
                if (stemmed == null) {
                    stemmed = tokens(SearchAnalyzers.english(), text);
                }
                for (int i = 0; i + sequence.size() <= stemmed.size(); i++) {
                    if (startsAt(stemmed, i, sequence)) {
                        found.add(new Match(stemmed.get(i).start, stemmed.get(i + sequence.size() - 1).end, part));
                    }
                }
            }
            if (found.size() > MAX_MATCHES) {
                break;
            }
        }
        found.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        return found.size() > MAX_MATCHES ? found.subList(0, MAX_MATCHES) : found;
    }

    private static boolean startsAt(List<Token> tokens, int at, List<String> sequence) {
        for (int k = 0; k < sequence.size(); k++) {
            if (!tokens.get(at + k).term.equals(sequence.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static void positives(QueryNode node, List<QueryNode> into) {
        switch (node) {
            case QueryNode.Term t -> into.add(t);
            case QueryNode.Phrase p -> into.add(p);
            case QueryNode.Prefix p -> into.add(p);
            case QueryNode.Not n -> { }
            case QueryNode.All a -> a.children().forEach(c -> positives(c, into));
            case QueryNode.Any a -> a.children().forEach(c -> positives(c, into));
        }
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return tokens;
    }

    private static Match best(List<Match> matches) {
        Match best = matches.getFirst();
        int bestParts = 0;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            Set<Integer> parts = new HashSet<>();
            for (int j = i; j < matches.size() && matches.get(j).start <= m.start + SNIPPET_CHARS / 2; j++) {
                parts.add(matches.get(j).part);
            }
            if (parts.size() > bestParts) {
                best = m;
                bestParts = parts.size();
            }
        }
        return best;
    }

    private static List<int[]> highlights(List<Match> matches, int from, int to, CodePoints points) {
        List<int[]> ranges = new ArrayList<>();
        int base = points.fromUtf16(from);
        int lastEnd = -1;
        for (Match m : matches) {
            if (m.start >= from && m.end <= to && m.start >= lastEnd) {
                ranges.add(new int[] {points.fromUtf16(m.start) - base, points.fromUtf16(m.end) - base});
                lastEnd = m.end;
            }
        }
        return ranges;
    }

    /**
     * Moves a cut to a word boundary nearby (within 20 characters: forward for a snippet's start, back
     * for its end), never inside a surrogate pair.
     */
    private static int cut(String text, int at, boolean start) {
        if (at <= 0 || at >= text.length()) {
            return Math.max(0, Math.min(at, text.length()));
        }
        for (int k = 0; k < 20; k++) {
            int i = start ? at + k : at - k;
            if (i <= 0 || i >= text.length()) {
                break;
            }
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(at)) ? at + (start ? 1 : -1) : at;
    }
}
