package org.corroborate.claim;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which members reported a claim first, from their sources' publication dates: the earliest dated
 * source's members ({@code earliest}), all members of the sources sharing the earliest date
 * ({@code tie}), or nothing known ({@code unknown}). A source without a date may have reported it
 * earlier still; the note says how many members have one.
 */
final class FirstReports {

    private FirstReports() {}

    /** The first report among these members (those the viewer may see). */
    static FirstReport of(List<MemberDetails> members) {
        if (members.isEmpty()) {
            return new FirstReport("unknown", List.of(), null, "No member yet: nobody has reported this claim here.");
        }
        long undated = members.stream().filter(m -> m.published() == null).count();
        LocalDate earliest = members.stream().map(MemberDetails::published).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (earliest == null) {
            return new FirstReport("unknown", List.of(), null, members.size() == 1
                    ? "Unknown: the member's source has no publication date."
                    : "Unknown: none of the " + members.size() + " members' sources has a publication date.");
        }
        List<MemberDetails> first = members.stream().filter(m -> earliest.equals(m.published())).toList();
        List<Long> sources = first.stream().map(MemberDetails::source).distinct().toList();
        List<Long> annotations = first.stream().map(MemberDetails::annotation).toList();
        String caveat = undated == 0 ? "" : " " + (undated == 1 ? "1 member's source has" : undated
                + " members' sources have") + " no date and may have reported it earlier.";
        if (sources.size() == 1) {
            MemberDetails one = first.getFirst();
            return new FirstReport("earliest", annotations, earliest, "First reported on " + earliest + " by "
                    + name(one) + "." + caveat);
        }
        return new FirstReport("tie", annotations, earliest, "A tie: " + sources.size() + " sources ("
                + String.join(", ", first.stream().filter(distinctSource()).map(FirstReports::name).toList())
                + ") were all published on " + earliest + "; the dates cannot tell which was first." + caveat);
    }

    private static java.util.function.Predicate<MemberDetails> distinctSource() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return m -> seen.add(m.source());
    }

    /** "Title" (Publisher), as people name a report. */
    private static String name(MemberDetails member) {
        String title = member.title() == null || member.title().isBlank() ? "source " + member.source()
                : "\"" + member.title() + "\"";
        return member.publisher() == null || member.publisher().isBlank() ? title
                : title + " (" + member.publisher() + ")";
    }
}
