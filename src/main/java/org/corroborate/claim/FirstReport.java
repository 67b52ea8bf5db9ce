package org.corroborate.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * Which member's source reported a claim first, as far as the sources' publication dates tell.
 *
 * @param status      {@code earliest} (one source was published before every other dated one: its
 *                    members), {@code tie} (several sources share the earliest date: all their members),
 *                    or {@code unknown} (no member's source has a date, or the claim has no members)
 * @param annotations the members' annotation ids that reported it first (empty when unknown)
 * @param published   the earliest date, or null when unknown
 * @param note        the same said plainly for people, including how many members' sources have no date
 */
public record FirstReport(String status, List<Long> annotations, LocalDate published, String note) {

    public FirstReport {
        annotations = List.copyOf(annotations);
    }
}
