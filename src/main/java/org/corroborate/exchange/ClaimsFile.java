package org.corroborate.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.MemberDetails;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code claims.jsonl}, the claims of an export, one JSON object per line ({@link ExportedClaim});
 * in every export archive, whatever the format, and read back by every import of an archive that
 * holds it. Reading checks the shape of each line and names the file and line of what is wrong;
 * finding the members' spans is the import's work.
 */
final class ClaimsFile {

    /** The file's name in an archive. */
    static final String NAME = "claims.jsonl";

    private ClaimsFile() {}

    /**
     * The claims as the file writes them, each with the members {@code kept} keeps (those whose spans
     * or sources the export holds); a claim none of whose members is kept is left out, a claim
     * without members is kept. {@code sha256} and {@code fileOf} give a source's hash and the file of
     * the archive that holds it; span ids are {@code a} and the annotation's id, as in the export.
     */
    static List<ExportedClaim> exported(List<ClaimDetails> held, Predicate<MemberDetails> kept,
                                        LongFunction<String> sha256, LongFunction<String> fileOf) {
        List<ExportedClaim> exported = new ArrayList<>();
        for (ClaimDetails claim : held) {
            List<ExportedClaim.Member> members = claim.members().stream().filter(kept)
                    .map(m -> member(m, sha256.apply(m.source()), fileOf.apply(m.source()))).toList();
            if (members.isEmpty() && !claim.members().isEmpty()) {
                continue;
            }
            var first = claim.firstReported();
            exported.add(new ExportedClaim("c" + claim.id(), claim.statement(), claim.createdBy(), claim.createdAt(),
                    claim.modifiedAt(), members, first == null ? null : new ExportedClaim.FirstReported(first.status(),
                            first.annotations().stream().map(a -> "a" + a).toList(), first.published(), first.note()),
                    claim.drift().stream().map(d -> new ExportedClaim.Drift(d.kind(), d.values().stream()
                            .map(v -> new ExportedClaim.DriftValue("a" + v.annotation(), v.value(), v.start(), v.end()))
                            .toList())).toList()));
        }
        return exported;
    }

    private static ExportedClaim.Member member(MemberDetails m, String sha256, String file) {
        var decision = m.decision();
        return new ExportedClaim.Member(new ExportedClaim.Source(m.source(), m.title(), sha256, file, m.publisher(),
                m.published()), new ExportedClaim.Span("a" + m.annotation(), m.start(), m.end(), m.label(), m.author(),
                m.text()), m.stance().name(), m.addedBy(), m.addedAt(), decision == null ? null
                : new ExportedClaim.Decision(decision.outcome().name(), decision.reason(), decision.decidedBy(),
                        decision.decidedAt()));
    }

    /** Writes the claims, one per line. */
    static void write(JsonMapper json, OutputStream out, List<ExportedClaim> claims) throws IOException {
        for (ExportedClaim claim : claims) {
            out.write(json.writeValueAsBytes(claim));
            out.write('\n');
        }
    }

    /** Whether a file of an upload is a claims file ({@code claims.jsonl}, in any folder). */
    static boolean is(String name) {
        return name.equals(NAME) || name.endsWith("/" + NAME);
    }

    /** A claim as read: where it is, the file's id for it, its statement, maker and members. */
    record Claim(String file, int line, String ref, String statement, String createdBy, List<Member> members) {}

    /**
     * A member as read: its source by the SHA-256 of the text (and the title, for messages), its span
     * by offsets, label and author, the stance, who added it, and the decision (outcome null: none).
     */
    record Member(int index, String sha256, String title, int start, int end, String label, String author,
                  String stance, String addedBy, String outcome, String reason, String decidedBy,
                  Instant decidedAt) {}

    /** Every claim of the upload's claims files, in file and line order; empty when it has none. */
    static List<Claim> read(ImportFiles files, JsonMapper json) {
        List<Claim> claims = new ArrayList<>();
        for (String name : files.names().stream().filter(ClaimsFile::is).toList()) {
            String[] lines = files.text(name).split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    claims.add(claim(json, name, i + 1, lines[i]));
                }
            }
        }
        return claims;
    }

    private static Claim claim(JsonMapper json, String file, int number, String raw) {
        JsonFields fields = new JsonFields(file, number);
        JsonNode line;
        try {
            line = json.readTree(raw);
        } catch (JacksonException e) {
            throw fields.wrong("not JSON (" + e.getOriginalMessage() + "); is the line complete?");
        }
        if (!line.isObject()) {
            throw fields.wrong("each line must be a claim: {\"statement\", \"createdBy\", \"members\"}.");
        }
        String ref = fields.text(line, "id", false);
        String statement = fields.text(line, "statement", true);
        if (statement.isBlank()) {
            throw fields.wrong("'statement' is empty.");
        }
        JsonNode given = line.get("members");
        if (given != null && !given.isNull() && !given.isArray()) {
            throw fields.wrong("'members' must be a list of {source, span, stance, addedBy, decision}.");
        }
        List<Member> members = new ArrayList<>();
        int index = 0;
        for (JsonNode member : given == null || given.isNull() ? json.createArrayNode() : given) {
            index++;
            JsonNode source = member.get("source");
            JsonNode span = member.get("span");
            if (source == null || !source.isObject() || span == null || !span.isObject()) {
                throw fields.wrong("member " + index + " of claim " + (ref == null ? "" : ref + " ")
                        + "needs a 'source' {sha256, title} and a 'span' {start, end, label, author}.");
            }
            JsonNode decision = member.get("decision");
            boolean decided = decision != null && !decision.isNull();
            members.add(new Member(index, fields.text(source, "sha256", true), fields.text(source, "title", false),
                    fields.integer(span, "start"), fields.integer(span, "end"), fields.text(span, "label", true),
                    fields.text(span, "author", true), fields.text(member, "stance", true),
                    fields.text(member, "addedBy", false), decided ? fields.text(decision, "outcome", true) : null,
                    decided ? fields.text(decision, "reason", true) : null,
                    decided ? fields.text(decision, "decidedBy", true) : null,
                    decided ? fields.instant(decision, "decidedAt") : null));
        }
        return new Claim(file, number, ref, statement.strip(), fields.text(line, "createdBy", false), members);
    }
}
