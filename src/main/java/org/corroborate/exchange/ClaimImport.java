package org.corroborate.exchange;

import static org.corroborate.exchange.ImportService.at;
import static org.corroborate.exchange.ImportService.person;
import static org.corroborate.exchange.ImportService.where;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.Sha256;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ImportedClaim;
import org.corroborate.claim.ImportedMember;
import org.corroborate.claim.MemberDecision;
import org.corroborate.claim.MemberOutcome;
import org.corroborate.claim.Stance;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;

/**
 * The claims of an import ({@code claims.jsonl}): checked before anything is written, each member
 * found by its source (the SHA-256 of the text) and its span's offsets, label and author, in the
 * upload or already in the workbench; a member that points at neither refuses the upload. Written
 * after every source, through {@link ClaimService#importClaim}. A claim already here with the same
 * statement and the same members is unchanged; one with the same statement and other members is a
 * conflict, and the workbench's is kept.
 */
final class ClaimImport {

    private final ClaimService claims;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final long projectId;
    private final String plainAuthor;
    private final String importer;
    /** Per source id, its annotations by start, end, label and author. */
    private final Map<Long, Map<List<Object>, Long>> held = new HashMap<>();

    ClaimImport(ClaimService claims, SourceService sources, AnnotationService annotations, long projectId,
                String plainAuthor, String importer) {
        this.importer = importer;
        this.claims = claims;
        this.sources = sources;
        this.annotations = annotations;
        this.projectId = projectId;
        this.plainAuthor = plainAuthor;
    }

    /** What writing the claims did: how many were added, found already here, and the conflicts. */
    record Outcome(long imported, long unchanged, List<String> conflicts) {}

    /**
     * Refuses, naming the file and line, a claim whose stance, decision or names are wrong, or whose
     * member's span is neither in the upload nor in the workbench.
     */
    void check(List<ImportedSource> read, List<ClaimsFile.Claim> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Set<List<Object>> uploaded = new HashSet<>();
        for (ImportedSource source : read) {
            String sha256 = source.draft() == null ? source.sha256()
                    : Sha256.hex(source.draft().text().getBytes(StandardCharsets.UTF_8));
            for (ImportedSource.ImportedSpan span : source.spans()) {
                var a = span.annotation();
                String author = a.author() == null ? plainAuthor : a.author().strip();
                uploaded.add(List.of(sha256.toLowerCase(), a.start(), a.end(), a.label(), String.valueOf(author)));
            }
        }
        for (ClaimsFile.Claim claim : lines) {
            if (claim.createdBy() != null) {
                person(claim.file(), claim.line(), "createdBy", claim.createdBy());
            }
            for (ClaimsFile.Member member : claim.members()) {
                String what = "member " + member.index() + " of claim " + name(claim);
                stance(claim, member, what);
                person(claim.file(), claim.line(), "author", member.author());
                if (member.addedBy() != null) {
                    person(claim.file(), claim.line(), "addedBy", member.addedBy());
                }
                if (member.outcome() != null) {
                    outcome(claim, member, what);
                    if (member.decidedBy() != null) {
                        person(claim.file(), claim.line(), "decidedBy", member.decidedBy());
                    }
                }
                boolean inUpload = uploaded.contains(List.of(member.sha256().toLowerCase(), member.start(),
                        member.end(), member.label(), member.author().strip()));
                if (!inUpload && annotation(member).isEmpty()) {
                    throw ImportFiles.malformed(claim.file(), claim.line(), what + " points at a " + member.label()
                            + " span at " + member.start() + ".." + member.end() + " by " + member.author()
                            + " in the source '" + (member.title() == null ? "" : member.title()) + "' (urn:sha256:"
                            + member.sha256() + "), which neither the upload nor the workbench holds.");
                }
            }
        }
    }

    /** Writes the claims, once every source's spans are in; {@code wrote} counts each claim in its batch. */
    Outcome write(List<ClaimsFile.Claim> lines, String origin, UnaryOperator<String> file, IntConsumer wrote) {
        long imported = 0;
        long unchanged = 0;
        List<String> conflicts = new ArrayList<>();
        if (lines.isEmpty()) {
            return new Outcome(0, 0, conflicts);
        }
        held.clear(); // the spans just imported are in the workbench now
        Map<String, List<ClaimDetails>> byStatement = new HashMap<>();
        claims.all(projectId).forEach(c -> byStatement.computeIfAbsent(c.statement(), s -> new ArrayList<>()).add(c));
        for (ClaimsFile.Claim claim : lines) {
            List<ImportedMember> members = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            for (ClaimsFile.Member member : claim.members()) {
                long annotation = annotation(member).orElseThrow(() -> ImportFiles.malformed(claim.file(),
                        claim.line(), "member " + member.index() + " of claim " + name(claim) + " points at a span "
                                + "that was not imported (it is in conflict with one held here)."));
                ids.add(annotation);
                String addedBy = member.addedBy() != null ? member.addedBy() : creator(claim);
                members.add(new ImportedMember(annotation, stance(claim, member, ""), addedBy,
                        member.outcome() == null ? null : new MemberDecision(outcome(claim, member, ""),
                                member.reason(), member.decidedBy(), member.decidedAt())));
            }
            List<ClaimDetails> same = byStatement.getOrDefault(claim.statement(), List.of());
            if (same.stream().anyMatch(c -> memberIds(c).equals(ids))) {
                unchanged++;
                continue;
            }
            if (!same.isEmpty()) {
                conflicts.add(where(claim.file(), claim.line()) + "claim " + name(claim) + " is already here as claim "
                        + same.getFirst().id() + " with other members; the workbench's is kept.");
                continue;
            }
            ClaimDetails made = at(claim.file(), claim.line(), () -> claims.importClaim(projectId,
                    new ImportedClaim(claim.statement(), creator(claim), members), file.apply(claim.file()), origin));
            byStatement.computeIfAbsent(made.statement(), s -> new ArrayList<>()).add(made);
            imported++;
            wrote.accept(1);
        }
        return new Outcome(imported, unchanged, conflicts);
    }

    /** Who made the claim: as the file says, else the importer. */
    private String creator(ClaimsFile.Claim claim) {
        return claim.createdBy() != null ? claim.createdBy().strip() : importer;
    }

    private static Set<Long> memberIds(ClaimDetails claim) {
        Set<Long> ids = new HashSet<>();
        claim.members().forEach(m -> ids.add(m.annotation()));
        return ids;
    }

    /** The annotation a member points at in the workbench, by source hash, offsets, label and author. */
    private Optional<Long> annotation(ClaimsFile.Member member) {
        Optional<SourceSummary> source = sources.findByHash(projectId, member.sha256().toLowerCase());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Map<List<Object>, Long> byPlace = held.computeIfAbsent(source.get().id(), id -> {
            Map<List<Object>, Long> found = new HashMap<>();
            annotations.visible(id, null).forEach(a -> found.put(List.of(a.start(), a.end(), a.label(), a.author()),
                    a.id()));
            return found;
        });
        return Optional.ofNullable(byPlace.get(List.of(member.start(), member.end(), member.label(),
                member.author().strip())));
    }

    private static String name(ClaimsFile.Claim claim) {
        return claim.ref() != null ? claim.ref() : "'" + shorten(claim.statement()) + "'";
    }

    private static Stance stance(ClaimsFile.Claim claim, ClaimsFile.Member member, String what) {
        try {
            return Stance.valueOf(member.stance().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ImportFiles.malformed(claim.file(), claim.line(), what + ": '" + member.stance() + "' is not a "
                    + "stance: use SUPPORTS, CONTRADICTS or QUALIFIES.");
        }
    }

    private static MemberOutcome outcome(ClaimsFile.Claim claim, ClaimsFile.Member member, String what) {
        try {
            return MemberOutcome.valueOf(member.outcome().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ImportFiles.malformed(claim.file(), claim.line(), what + ": '" + member.outcome() + "' is not an "
                    + "outcome: use ACCEPTED or REJECTED.");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
