package org.corroborate.exchange;

import static org.corroborate.exchange.W3cAnnotationFormat.ACCOUNT;
import static org.corroborate.exchange.W3cAnnotationFormat.ANNOTATION;
import static org.corroborate.exchange.W3cAnnotationFormat.CLAIM;
import static org.corroborate.exchange.W3cAnnotationFormat.ordered;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A claim as W3C Web Annotations: the claim itself, an annotation with motivation
 * {@code describing} whose body is the statement and whose targets are its members' spans; each
 * member, an annotation with motivation {@code linking} by whoever added it, whose target is the
 * member's span and whose bodies are the claim (a SpecificResource with purpose {@code linking})
 * and the stance (a TextualBody with purpose {@code classifying}); and each decision on a member, an
 * annotation with motivation {@code assessing} by the supervisor, targeting the member annotation.
 * A claim without members has no target to give and is left out here (it is in claims.jsonl).
 */
final class W3cClaims {

    /** A member annotation's id is the claim's followed by this and the span's export id. */
    static final String MEMBER = "/member/";

    private W3cClaims() {}

    static List<Map<String, Object>> items(ExportedClaim claim) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (claim.members().isEmpty()) {
            return items;
        }
        String id = CLAIM + claim.id();
        Map<String, Object> described = ordered("id", id, "type", "Annotation", "motivation", "describing",
                "creator", person(claim.createdBy()), "created", claim.createdAt().toString(),
                "modified", claim.modifiedAt().toString(), "generator", "urn:corroborate:workbench");
        described.put("body", ordered("type", "TextualBody", "purpose", "describing", "value", claim.statement()));
        described.put("target", claim.members().stream().map(m -> ANNOTATION + m.span().id()).toList());
        items.add(described);
        for (ExportedClaim.Member member : claim.members()) {
            String memberId = id + MEMBER + member.span().id();
            Map<String, Object> linking = ordered("id", memberId, "type", "Annotation", "motivation", "linking",
                    "creator", person(member.addedBy()), "created", member.addedAt().toString(),
                    "generator", "urn:corroborate:workbench");
            linking.put("body", List.of(ordered("type", "SpecificResource", "source", id, "purpose", "linking"),
                    ordered("type", "TextualBody", "purpose", "classifying", "value", member.stance())));
            linking.put("target", ANNOTATION + member.span().id());
            items.add(linking);
            ExportedClaim.Decision decision = member.decision();
            if (decision != null) {
                Map<String, Object> assessing = ordered("id", memberId + "/decision", "type", "Annotation",
                        "motivation", "assessing", "creator", person(decision.decidedBy()), "created",
                        decision.decidedAt().toString(), "generator", "urn:corroborate:workbench");
                assessing.put("body", List.of(
                        ordered("type", "TextualBody", "purpose", "assessing", "value", decision.outcome()),
                        ordered("type", "TextualBody", "purpose", "commenting", "value", decision.reason(),
                                "id", memberId + "/decision/reason")));
                assessing.put("target", memberId);
                items.add(assessing);
            }
        }
        return items;
    }

    private static Map<String, Object> person(String name) {
        return ordered("id", ACCOUNT + name, "type", "Person", "nickname", name);
    }
}
