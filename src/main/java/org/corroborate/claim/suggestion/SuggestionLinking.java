package org.corroborate.claim.suggestion;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.WorkbenchException;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.Stance;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a suggested passage to the claim of the annotation it was suggested for, in one
 * transaction, through the doors of the features it touches: the passage's annotation is the one
 * the caller sees overlapping it (the same span first, then the caller's own, then the longest
 * overlap), or a new one on the passage with the origin's label and attributes, created by the
 * caller through {@link AnnotationService}; it joins the claim through {@link ClaimService} with the
 * stance given. With no claim given, a new claim is made with the statement given and the origin as
 * SUPPORTS. Every write is audited by those services; {@link #unlink} takes a link back.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class SuggestionLinking {

    private final AnnotationService annotations;
    private final ClaimService claims;
    private final CurrentActor actor;

    SuggestionLinking(AnnotationService annotations, ClaimService claims, CurrentActor actor) {
        this.annotations = annotations;
        this.claims = claims;
        this.actor = actor;
    }

    /**
     * What a link did: the claim (and whether it was made for this link), the passage's annotation
     * (and whether it was made for this link), and the stance.
     */
    public record Link(long claim, String statement, boolean claimCreated, long annotation,
                       boolean annotationCreated, Stance stance) {}

    /**
     * Links the passage {@code [start, end)} (code points) of a source to the origin's claim
     * {@code claimId}, or, when it is null, to a new claim stating {@code statement}. 409 when the
     * passage's annotation is in that claim already; 404 for what the caller may not see.
     */
    public Link link(long originId, long sourceId, int start, int end, Stance stance, Long claimId,
                     String statement) {
        AnnotationDetails origin = annotations.get(originId);
        if (origin.sourceId() == sourceId) {
            throw WorkbenchException.badInput("A suggestion comes from another source than the annotation.");
        }
        AnnotationDetails overlapping = overlapping(sourceId, start, end);
        boolean annotationCreated = overlapping == null;
        AnnotationDetails target = annotationCreated
                ? annotations.create(sourceId, AnnotationRequest.create(start, end, origin.label(),
                        origin.attributes(), null))
                : overlapping;
        ClaimDetails claim;
        boolean claimCreated = claimId == null;
        if (claimCreated) {
            claim = claims.create(origin.project(), statement);
            claims.addMember(claim.id(), originId, Stance.SUPPORTS);
        } else {
            claim = claims.get(claimId);
        }
        claims.addMember(claim.id(), target.id(), stance);
        return new Link(claim.id(), claim.statement(), claimCreated, target.id(), annotationCreated, stance);
    }

    /**
     * Takes a link back: the member leaves the claim, and what the link made for itself (the
     * passage's annotation, the claim) is deleted. 409 when someone changed them since.
     */
    public void unlink(Link link) {
        if (link.claimCreated()) {
            claims.delete(link.claim(), claims.get(link.claim()).version());
        } else {
            claims.removeMember(link.claim(), link.annotation());
        }
        if (link.annotationCreated()) {
            annotations.delete(link.annotation(), annotations.get(link.annotation()).version(), null);
        }
    }

    private AnnotationDetails overlapping(long sourceId, int start, int end) {
        String me = actor.require();
        List<AnnotationDetails> found = annotations.visible(sourceId, Set.of()).stream()
                .filter(a -> a.start() < end && start < a.end())
                .toList();
        return found.stream()
                .min(Comparator.<AnnotationDetails>comparingInt(a -> a.start() == start && a.end() == end ? 0 : 1)
                        .thenComparingInt(a -> a.author().equals(me) ? 0 : 1)
                        .thenComparingInt(a -> -(Math.min(end, a.end()) - Math.max(start, a.start()))))
                .orElse(null);
    }
}
