package org.corroborate.claim.suggestion;

/**
 * A sentence-sized stretch of a source: {@code [start, end)} in code points of the source's text,
 * {@code text} the words there, {@code score} how well it matched a query (BM25; 0 when not ranked).
 */
record Passage(long project, long source, int start, int end, String text, float score) {
}
