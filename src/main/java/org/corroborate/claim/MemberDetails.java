package org.corroborate.claim;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One member of a claim as a viewer sees it: the annotation, its source (title, publisher, the date
 * it was published, or null when unknown), where it stands in the source ({@code start}/{@code end}
 * in code points), the covered {@code text}, its label and author, the stance it takes, who added
 * it and when, and the supervisor's {@code decision} (null until decided, and null for a viewer whom
 * blind mode keeps from the supervisors' decisions on that source).
 */
public record MemberDetails(long annotation, long source, String title, String publisher, LocalDate published,
                            int start, int end, String text, String label, String author, Stance stance,
                            String addedBy, Instant addedAt, MemberDecision decision) {}
