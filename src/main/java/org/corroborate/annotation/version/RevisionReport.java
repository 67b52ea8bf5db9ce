package org.corroborate.annotation.version;

import java.util.List;
import org.corroborate.source.SourceSummary;
import org.corroborate.source.SourceVersionSummary;
import org.corroborate.source.version.Reanchoring.Outcome;

/**
 * What a new version of a source did to the work on it: the source now, the version added (and the
 * number of the one it replaced), how many annotations were unchanged, moved, changed or orphaned (and
 * how many were orphans already, left as they were), each annotation moved, changed or orphaned, and the
 * relations and claim memberships touching those. Offsets count code points; {@code old*} are in the
 * previous version's text, {@code start}/{@code end}/{@code text} in the new one (for an orphan, the old
 * ones kept).
 */
public record RevisionReport(SourceSummary source, SourceVersionSummary version, int previousVersion,
                             Counts counts, List<Reanchored> annotations, List<AffectedRelation> relations,
                             List<AffectedMembership> memberships) {

    /** How many annotations had each outcome; {@code alreadyOrphaned} were orphans before and stay so. */
    public record Counts(int unchanged, int moved, int changed, int orphaned, int alreadyOrphaned) {}

    /** One annotation moved, changed or orphaned, with its new version (for a later edit). */
    public record Reanchored(long id, String author, String label, Outcome outcome, int oldStart, int oldEnd,
                             String oldText, int start, int end, String text, long version) {}

    /** A relation whose annotations moved, changed or were orphaned (it follows them: nothing to do unless orphaned). */
    public record AffectedRelation(long id, String type, long from, long to, Outcome fromOutcome,
                                   Outcome toOutcome) {}

    /** A claim membership of an annotation that moved, changed or was orphaned. */
    public record AffectedMembership(long id, long claim, String statement, long annotation, String stance,
                                     Outcome outcome) {}
}
