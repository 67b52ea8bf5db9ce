package org.corroborate.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One claim as {@code claims.jsonl} writes it (one per line): its id ({@code c} and the claim's id),
 * statement, who made it and when, its members, which of them reported it first, and the details
 * on which they drift. A member names its source (id, title, SHA-256 of the text, and the file of
 * the archive that holds it) and its annotation's span (export id, code point offsets, label,
 * author, covered text), so an import finds the span again by source, offsets, label and author.
 */
public record ExportedClaim(String id, String statement, String createdBy, Instant createdAt, Instant modifiedAt,
                            List<Member> members, FirstReported firstReported, List<Drift> drift) {

    /** A member: the annotation, its stance, who added it and when, and the supervisor's decision (null: none). */
    public record Member(Source source, Span span, String stance, String addedBy, Instant addedAt,
                         Decision decision) {}

    /** The source a member's annotation is in; {@code file} is null where no one file of the archive holds it. */
    public record Source(long id, String title, String sha256, String file, String publisher, LocalDate published) {}

    /** A member's annotation: {@code id} is its export id ({@code a12}), offsets in code points. */
    public record Span(String id, int start, int end, String label, String author, String text) {}

    /** A supervisor's decision on a member: ACCEPTED or REJECTED, with the reason. */
    public record Decision(String outcome, String reason, String decidedBy, Instant decidedAt) {}

    /**
     * Which members reported the claim first: {@code status} earliest, tie or unknown, the
     * members' span ids, the date, and a sentence for people.
     */
    public record FirstReported(String status, List<String> spans, LocalDate published, String note) {}

    /** A kind of detail on which the members disagree, with each member's value (offsets in its text). */
    public record Drift(String kind, List<DriftValue> values) {}

    /** What one member ({@code span}, its export id) says of a drifting detail, and where in its text. */
    public record DriftValue(String span, String value, int start, int end) {}
}
