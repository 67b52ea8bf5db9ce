package org.corroborate.search;

import java.util.List;

/**
 * A parsed search query, the same for every {@link SearchEngine}: words, phrases and prefixes combined
 * with AND, OR and NOT. Engines translate it; they never parse user text themselves.
 *
 * <p>Shape: {@code All} and {@code Any} hold two or more children; {@code Not} appears only inside an
 * {@code All} that also has a positive child (a query of negations alone is refused by the parser).
 * Words are as the user typed them (engines analyse them: lower-casing, stemming).
 */
public sealed interface QueryNode {

    /** One word: matches text containing it (after analysis). */
    record Term(String word) implements QueryNode {}

    /** Consecutive words, in order ({@code "said the minister"}). */
    record Phrase(List<String> words) implements QueryNode {
        public Phrase {
            words = List.copyOf(words);
        }
    }

    /** Words starting with the prefix ({@code minist*}); the parser refuses prefixes shorter than 3. */
    record Prefix(String prefix) implements QueryNode {}

    /** Every child matches (AND, the default between words). */
    record All(List<QueryNode> children) implements QueryNode {
        public All {
            children = List.copyOf(children);
        }
    }

    /** At least one child matches (OR). */
    record Any(List<QueryNode> children) implements QueryNode {
        public Any {
            children = List.copyOf(children);
        }
    }

    /** The child does not match ({@code -word}, {@code NOT word}). */
    record Not(QueryNode child) implements QueryNode {}
}
