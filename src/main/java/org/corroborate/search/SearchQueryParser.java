package org.corroborate.search;

import java.util.ArrayList;
import java.util.List;

import org.corroborate.base.WorkbenchException;

/**
 * Reads the query box's text into a {@link QueryNode}, or refuses it with a message naming the problem.
 *
 * <p>Syntax (a small subset of Lucene's classic query syntax, so it reads familiar): words are ANDed;
 * {@code "a phrase"}; {@code prefix*} with at least 3 characters before the star; {@code OR} between
 * two parts (binds weaker than AND); {@code -word} or {@code NOT word} to exclude; parentheses to
 * group; {@code AND} may be written but is the default. Operators are upper case, as in Lucene, so a
 * lower-case "or" is an ordinary word.
 *
 * <p>Refused (400 {@code bad_input}), because they are ambiguous or would scan the whole index: a blank
 * query; more than {@value #MAX_CHARS} characters; more than {@value #MAX_CLAUSES} words (a phrase counts
 * its words, a word its runs of letters and digits, a prefix one: each becomes a clause per field, and
 * Lucene refuses more than 1,024); an unbalanced quote or parenthesis; a {@code *} anywhere but at the end of a word, any
 * {@code ?}; a prefix shorter than {@value #MIN_PREFIX} characters; a group made of negations only
 * (nothing to subtract from). Words holding no letter or digit (a lone dash) are dropped, as the
 * analyzer would drop them.
 *
 * <p>Recursive descent over a token list. Pure, thread-safe.
 */
public final class SearchQueryParser {

    /** The longest query text accepted, in characters (UTF-16 units, as the HTTP layer counts). */
    public static final int MAX_CHARS = 1_000;
    /** The most words, phrases and prefixes in one query. */
    public static final int MAX_CLAUSES = 64;
    /** The fewest characters before a prefix's {@code *}. */
    public static final int MIN_PREFIX = 3;

    private SearchQueryParser() {}

    /**
     * Parses the query text.
     *
     * @param q what the person typed
     * @return the query tree (shape as {@link QueryNode} describes)
     * @throws WorkbenchException {@code bad_input} naming the problem
     */
    public static QueryNode parse(String q) {
        if (q == null || q.isBlank()) {
            throw WorkbenchException.badInput("The query is empty: type a word or a \"phrase\".");
        }
        if (q.length() > MAX_CHARS) {
            throw WorkbenchException.badInput("The query is too long: " + q.length() + " characters, at most "
                    + MAX_CHARS + ".");
        }
        Reader reader = new Reader(tokens(q));
        QueryNode node = reader.or();
        if (reader.hasMore()) {
            throw WorkbenchException.badInput("Unbalanced parentheses: a \")\" has no matching \"(\".");
        }
        if (node == null) {
            throw WorkbenchException.badInput("The query has no words to search for.");
        }
        if (node instanceof QueryNode.Not) {
            throw negationAlone();
        }
        int clauses = clauses(node);
        if (clauses > MAX_CLAUSES) {
            throw WorkbenchException.badInput("The query has " + clauses + " words, phrases and prefixes; at most "
                    + MAX_CLAUSES + ".");
        }
        return node;
    }

    private static int clauses(QueryNode node) {
        return switch (node) {
            case QueryNode.Term t -> words(t.word());
            case QueryNode.Phrase p -> p.words().stream().mapToInt(SearchQueryParser::words).sum();
            case QueryNode.Prefix p -> 1;
            case QueryNode.Not n -> clauses(n.child());
            case QueryNode.All a -> a.children().stream().mapToInt(SearchQueryParser::clauses).sum();
            case QueryNode.Any a -> a.children().stream().mapToInt(SearchQueryParser::clauses).sum();
        };
    }

    /**
     * The words an analyzer may make of one typed word: its runs of letters and digits ("a-b-c" is
     * three), so that a single huge hyphenated "word" cannot become hundreds of clauses.
     */
    private static int words(String word) {
        int runs = 0;
        boolean inRun = false;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inRun) {
                runs++;
            }
            inRun = letter;
            i += Character.charCount(c);
        }
        return Math.max(1, runs);
    }

    private static WorkbenchException negationAlone() {
        return WorkbenchException.badInput("A query (or a group of it) cannot be only negations: "
                + "add a word to search for beside \"-word\" or \"NOT word\".");
    }

    // ---- tokens -------------------------------------------------------------------------------

    private enum Type { WORD, PHRASE, OPEN, CLOSE, OR, AND, NOT }

    private record Token(Type type, String text, List<String> words) {
        static Token of(Type type) {
            return new Token(type, null, List.of());
        }
    }

    private static List<Token> tokens(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(Token.of(Type.OPEN));
                i++;
            } else if (c == ')') {
                tokens.add(Token.of(Type.CLOSE));
                i++;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1)) && q.charAt(i + 1) != ')') {
                tokens.add(Token.of(Type.NOT));
                i++;
            } else if (c == '"') {
                int close = q.indexOf('"', i + 1);
                if (close < 0) {
                    throw WorkbenchException.badInput("Unbalanced quotes: a phrase opened with \" is not closed.");
                }
                List<String> words = new ArrayList<>();
                for (String word : q.substring(i + 1, close).trim().split("\\s+")) {
                    if (word.contains("*") || word.contains("?")) {
                        throw WorkbenchException.badInput("Wildcards are not allowed inside a \"phrase\": " + word);
                    }
                    if (hasLetterOrDigit(word)) {
                        words.add(word);
                    }
                }
                if (!words.isEmpty()) {
                    tokens.add(new Token(Type.PHRASE, null, words));
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end)) && "()\"".indexOf(q.charAt(end)) < 0) {
                    end++;
                }
                String word = q.substring(i, end);
                i = end;
                switch (word) {
                    case "OR" -> tokens.add(Token.of(Type.OR));
                    case "AND" -> tokens.add(Token.of(Type.AND));
                    case "NOT" -> tokens.add(Token.of(Type.NOT));
                    default -> {
                        checkWildcards(word);
                        if (hasLetterOrDigit(word)) {
                            tokens.add(new Token(Type.WORD, word, List.of()));
                        }
                    }
                }
            }
        }
        return tokens;
    }

    private static void checkWildcards(String word) {
        if (word.indexOf('?') >= 0) {
            throw WorkbenchException.badInput("\"?\" wildcards are not supported (in \"" + word + "\"): use a prefix "
                    + "such as minist* instead.");
        }
        int star = word.indexOf('*');
        if (star < 0) {
            return;
        }
        if (star == 0) {
            throw WorkbenchException.badInput("A leading wildcard (\"" + word + "\") would scan the whole index: "
                    + "only prefixes such as minist* are allowed.");
        }
        if (star != word.length() - 1) {
            throw WorkbenchException.badInput("A wildcard inside a word (\"" + word + "\") is not supported: only "
                    + "a * at the end of a word, such as minist*.");
        }
        int before = word.codePointCount(0, star);
        if (before < MIN_PREFIX) {
            throw WorkbenchException.badInput("The prefix \"" + word + "\" is too short: at least " + MIN_PREFIX
                    + " characters before the *.");
        }
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    // ---- grammar: or := and ('OR' and)*; and := unary+; unary := ('-'|'NOT') unary | primary --

    private static final class Reader {
        private final List<Token> tokens;
        private int at;

        Reader(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean hasMore() {
            return at < tokens.size();
        }

        private Type peek() {
            return at < tokens.size() ? tokens.get(at).type() : null;
        }

        /** Null when the group holds no words at all (only dropped punctuation). */
        QueryNode or() {
            List<QueryNode> parts = new ArrayList<>();
            QueryNode first = and();
            if (first != null) {
                parts.add(first);
            }
            while (peek() == Type.OR) {
                at++;
                QueryNode next = and();
                if (next != null) {
                    parts.add(next);
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            if (parts.size() == 1) {
                return parts.getFirst();
            }
            for (QueryNode part : parts) {
                if (part instanceof QueryNode.Not) {
                    throw WorkbenchException.badInput("A negation cannot stand alone beside OR: write "
                            + "\"a OR (b -c)\" rather than \"a OR -c\".");
                }
            }
            return new QueryNode.Any(parts);
        }

        QueryNode and() {
            List<QueryNode> parts = new ArrayList<>();
            while (true) {
                Type type = peek();
                if (type == null || type == Type.CLOSE || type == Type.OR) {
                    break;
                }
                if (type == Type.AND) {
                    at++;
                    continue;
                }
                QueryNode part = unary();
                if (part != null) {
                    parts.add(part);
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            if (parts.size() == 1) {
                return parts.getFirst();
            }
            if (parts.stream().allMatch(p -> p instanceof QueryNode.Not)) {
                throw negationAlone();
            }
            return new QueryNode.All(parts);
        }

        private QueryNode unary() {
            if (peek() == Type.NOT) {
                at++;
                Type next = peek();
                if (next == null || next == Type.CLOSE || next == Type.OR || next == Type.AND) {
                    throw WorkbenchException.badInput("A \"-\" or NOT must be followed by the word to exclude.");
                }
                QueryNode child = unary();
                if (child == null) {
                    return null;
                }
                return child instanceof QueryNode.Not not ? not.child() : new QueryNode.Not(child);
            }
            return primary();
        }

        private QueryNode primary() {
            Token token = tokens.get(at++);
            return switch (token.type()) {
                case WORD -> token.text().endsWith("*")
                        ? new QueryNode.Prefix(token.text().substring(0, token.text().length() - 1))
                        : new QueryNode.Term(token.text());
                case PHRASE -> token.words().size() == 1
                        ? new QueryNode.Term(token.words().getFirst())
                        : new QueryNode.Phrase(token.words());
                case OPEN -> {
                    QueryNode inside = or();
                    if (peek() != Type.CLOSE) {
                        throw WorkbenchException.badInput("Unbalanced parentheses: a \"(\" is not closed.");
                    }
                    at++;
                    if (inside instanceof QueryNode.Not) {
                        throw negationAlone();
                    }
                    yield inside;
                }
                default -> throw new IllegalStateException("unexpected " + token.type());
            };
        }
    }
}
