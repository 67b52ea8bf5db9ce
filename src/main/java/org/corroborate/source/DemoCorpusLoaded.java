package org.corroborate.source;

/**
 * Published once in demo mode, right after {@code DemoCorpus} has imported the demo reports: what builds
 * on the demo texts (the demo claims) starts here.
 *
 * @param main the project holding the demo corpus
 */
public record DemoCorpusLoaded(long main) {}
