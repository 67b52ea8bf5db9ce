package org.corroborate.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.BlindMode;
import org.corroborate.claim.drift.Drift;
import org.corroborate.claim.drift.DriftDetector;
import org.corroborate.claim.drift.Excerpt;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.springframework.stereotype.Component;

/**
 * Claims as the signed-in person may see them: each member shown only where the viewer may see its
 * annotation (their own, or any where {@link BlindMode#seesColleaguesWork} says so), its decision
 * only where blind mode shows them the supervisors' decisions on its source; members ordered by their
 * sources' publication dates (undated last); the first report and the drift over what is shown.
 * Reads the members' annotations and sources in a few queries per call, whatever the number of claims
 * and sources; the blind rule is asked once per source.
 */
@Component
class ClaimReading {

    private static final Comparator<MemberDetails> BY_PUBLICATION = Comparator
            .comparing(MemberDetails::published, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(MemberDetails::source).thenComparing(MemberDetails::start)
            .thenComparing(MemberDetails::annotation);

    private final AnnotationService annotations;
    private final SourceService sources;
    private final BlindMode blindMode;
    private final DriftDetector detector;
    /** Drift depends only on the members' words: the same excerpts give the same answer. */
    private final Map<List<Excerpt>, List<Drift>> drifts = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Excerpt>, List<Drift>> eldest) {
                    return size() > 4096;
                }
            });

    ClaimReading(AnnotationService annotations, SourceService sources, BlindMode blindMode,
                 DriftDetector detector) {
        this.annotations = annotations;
        this.sources = sources;
        this.blindMode = blindMode;
        this.detector = detector;
    }

    /** What one caller may see of some claims' members, read source by source. */
    View view(Collection<ClaimMember> members) {
        return new View(members);
    }

    /** The drift among members (in their order), from the {@link DriftDetector}. */
    List<Drift> drift(List<MemberDetails> members) {
        if (members.size() < 2) {
            return List.of();
        }
        List<Excerpt> excerpts = members.stream().map(m -> new Excerpt(m.annotation(), m.text())).toList();
        List<Drift> known = drifts.get(excerpts);
        if (known != null) {
            return known;
        }
        List<Drift> drift = List.copyOf(detector.drift(excerpts));
        drifts.put(excerpts, drift);
        return drift;
    }

    /** The claim in full: only the given members (already filtered for the viewer). */
    ClaimDetails details(Claim claim, List<MemberDetails> members) {
        List<MemberDetails> ordered = members.stream().sorted(BY_PUBLICATION).toList();
        return new ClaimDetails(claim.getId(), claim.getProjectId(), claim.getStatement(), claim.getCreatedBy(),
                claim.getCreatedAt(), claim.getModifiedAt(), claim.getVersion(), ordered, FirstReports.of(ordered),
                drift(ordered));
    }

    /** The claim in one line, counted over the given members. */
    ClaimSummary summary(Claim claim, List<MemberDetails> members) {
        List<MemberDetails> ordered = members.stream().sorted(BY_PUBLICATION).toList();
        int sourceCount = (int) ordered.stream().map(MemberDetails::source).distinct().count();
        int contradictions = (int) ordered.stream().filter(m -> m.stance() == Stance.CONTRADICTS).count();
        return new ClaimSummary(claim.getId(), claim.getProjectId(), claim.getStatement(), ordered.size(),
                sourceCount, contradictions, drift(ordered).size(), claim.getCreatedBy(), claim.getModifiedAt(),
                claim.getVersion());
    }

    /** Members as one viewer sees them, by claim. */
    final class View {

        private final Map<Long, List<MemberDetails>> byClaim = new HashMap<>();

        private View(Collection<ClaimMember> members) {
            Map<Long, AnnotationDetails> visible = annotations.visibleAmong(
                    members.stream().map(ClaimMember::getAnnotationId).toList());
            Map<Long, SourceSummary> byId = sources.summaries(members.stream().map(ClaimMember::getSourceId).toList())
                    .stream().collect(Collectors.toMap(SourceSummary::id, Function.identity()));
            Map<Long, Boolean> decisionsShown = new HashMap<>();
            for (ClaimMember member : members) {
                AnnotationDetails annotation = visible.get(member.getAnnotationId());
                SourceSummary source = byId.get(member.getSourceId());
                if (annotation != null && source != null) {
                    boolean shown = decisionsShown.computeIfAbsent(source.id(),
                            id -> blindMode.seesColleaguesWork(source));
                    byClaim.computeIfAbsent(member.getClaimId(), id -> new ArrayList<>())
                            .add(details(member, annotation, source, shown));
                }
            }
        }

        /** The members of one claim the viewer may see (any order). */
        List<MemberDetails> of(long claimId) {
            return byClaim.getOrDefault(claimId, List.of());
        }
    }

    private static MemberDetails details(ClaimMember member, AnnotationDetails annotation, SourceSummary source,
                                         boolean decisionShown) {
        return new MemberDetails(annotation.id(), source.id(), source.title(), source.publisher(), source.published(),
                annotation.start(), annotation.end(), annotation.text(), annotation.label(), annotation.author(),
                member.getStance(), member.getAddedBy(), member.getAddedAt(),
                decisionShown ? member.decision() : null);
    }
}
