package org.corroborate.exchange;

import java.util.List;

/**
 * What an import did, or would do on a dry run: sources new and matched by hash, spans, verdicts,
 * decisions and review statuses added or already there, new sources put in blind mode as the file
 * says, and every conflict and ignored item with file and line;
 * {@code incomplete} lists imported spans and gold spans that lack a required attribute of the
 * scheme: they are imported as the file gives them, and whoever changes them next completes them.
 */
public record ImportReport(String file, String format, boolean dryRun, int sourcesImported, int sourcesMatched,
                           long spansImported, long spansUnchanged, long verdictsImported, long decisionsImported,
                           long statusesImported, int blindImported, long relationsImported, long relationsUnchanged,
                           long claimsImported, long claimsUnchanged, List<String> conflicts, List<String> ignored,
                           List<String> incomplete) {}
