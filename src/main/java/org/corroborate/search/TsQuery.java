package org.corroborate.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link QueryNode} as a PostgreSQL {@code tsquery} expression: SQL text made only of function calls and
 * the tsquery operators {@code &&}, {@code ||} and {@code !!}, with every word of the user's as a bound
 * parameter ({@link #arguments()}, in the order of the {@code ?} in {@link #sql()}). User text never
 * becomes SQL, and never tsquery syntax either: words and phrases go through {@code phraseto_tsquery},
 * which reads them with the same parser and dictionary as the indexed text (so {@code covid-19} or
 * {@code O'Brien} match as they were indexed); a prefix is cut into its runs of letters and digits, which
 * need no quoting, before it becomes {@code 'run' <-> 'last':*}.
 *
 * <p>Translation (PostgreSQL 15 manual, 12.3.2 "Parsing Queries" and 9.13 "Text Search Functions"):
 * <ul>
 *   <li>{@code Term(w)}: {@code phraseto_tsquery('english', w)} (one word; a hyphenated word's parts in
 *       their order)</li>
 *   <li>{@code Phrase(ws)}: {@code phraseto_tsquery('english', 'w1 w2 ...')}: {@code <->} between the words,
 *       {@code <2>} where a stop word stood</li>
 *   <li>{@code Prefix(p)}: {@code to_tsquery('english', 'p':*) || to_tsquery('simple', 'p':*)}: the stemmed
 *       prefix ({@code ministe*} is {@code minist:*}) or the prefix as typed, lower-cased (so that a prefix
 *       that is itself a stop word, {@code the*}, still finds {@code theory})</li>
 *   <li>{@code All}: {@code &&}, with {@code !!} before a {@code Not}; {@code Any}: {@code ||}</li>
 * </ul>
 * A part that holds only stop words ({@code "the"}) is an empty tsquery, which PostgreSQL drops from
 * {@code &&} and {@code ||}; a query that is empty as a whole matches nothing, as Lucene's English analyser
 * does with the same words.
 *
 * @param sql       the expression, of SQL type {@code tsquery}
 * @param arguments the values of its {@code ?} placeholders, all strings
 */
record TsQuery(String sql, List<Object> arguments) {

    /** The text search configuration of V24's columns. */
    static final String CONFIG = "'english'::regconfig";

    TsQuery {
        arguments = List.copyOf(arguments);
    }

    /** The query as a tsquery expression. */
    static TsQuery of(QueryNode query) {
        List<Object> arguments = new ArrayList<>();
        String sql = translate(query, arguments);
        return new TsQuery(sql, arguments);
    }

    private static String translate(QueryNode node, List<Object> arguments) {
        return switch (node) {
            case QueryNode.Term term -> {
                arguments.add(term.word());
                yield "phraseto_tsquery(" + CONFIG + ", ?)";
            }
            case QueryNode.Phrase phrase -> {
                arguments.add(String.join(" ", phrase.words()));
                yield "phraseto_tsquery(" + CONFIG + ", ?)";
            }
            case QueryNode.Prefix prefix -> {
                String lexemes = prefixQuery(prefix.prefix());
                arguments.add(lexemes);
                arguments.add(lexemes);
                yield "(to_tsquery(" + CONFIG + ", ?) || to_tsquery('simple'::regconfig, ?))";
            }
            case QueryNode.All all -> "(" + all.children().stream().map(child -> translate(child, arguments))
                    .collect(Collectors.joining(" && ")) + ")";
            case QueryNode.Any any -> "(" + any.children().stream().map(child -> translate(child, arguments))
                    .collect(Collectors.joining(" || ")) + ")";
            case QueryNode.Not not -> "(!! " + translate(not.child(), arguments) + ")";
        };
    }

    /**
     * The prefix as tsquery text: its runs of letters and digits, quoted, joined by {@code <->}, the last
     * marked {@code :*}. A prefix without a letter or digit ({@code ---*}) matches no word, as in Lucene:
     * it is written as a query nothing matches ({@code '0' & !'0'}), not as an empty query, which
     * PostgreSQL would drop from an AND and so widen the whole.
     */
    static String prefixQuery(String prefix) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        prefix.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                run.appendCodePoint(c);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        if (runs.isEmpty()) {
            return "'0' & !'0'";
        }
        return runs.stream().map(r -> "'" + r + "'").collect(Collectors.joining(" <-> ")) + ":*";
    }
}
