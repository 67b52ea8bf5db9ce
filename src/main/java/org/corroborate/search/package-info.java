/**
 * Corpus search: one query over sources (text, title, publisher, author, URL) and annotations (covered
 * text, label, attributes, note; filtered by author, the author's review status, the supervisors'
 * decision and the gold layer), with filters, facets and paging,
 * never returning what the caller may not read (project membership, blind mode, gold before
 * submission; see {@code annotation.BlindMode}).
 *
 * <p>{@link org.corroborate.search.SearchService} is the one door: it checks and parses the query
 * ({@link org.corroborate.search.QueryNode}), works out the caller's {@link org.corroborate.search.SearchScope}
 * and asks the configured {@link org.corroborate.search.SearchEngine}: Hibernate Search's Lucene
 * backend on the embedded default, PostgreSQL full-text search when several nodes share one
 * PostgreSQL database. Offsets are code points throughout.
 */
package org.corroborate.search;
