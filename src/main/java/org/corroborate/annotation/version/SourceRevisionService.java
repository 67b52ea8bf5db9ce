package org.corroborate.annotation.version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.relation.RelationDetails;
import org.corroborate.annotation.relation.RelationService;
import org.corroborate.base.BulkWork;
import org.corroborate.base.Roles;
import org.corroborate.source.NewVersion;
import org.corroborate.source.SourceRevision;
import org.corroborate.source.SourceService;
import org.corroborate.source.version.Reanchoring;
import org.corroborate.source.version.Reanchoring.Anchor;
import org.corroborate.source.version.Reanchoring.Outcome;
import org.corroborate.source.version.Reanchoring.Placement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revises a source's text and carries the work on it along, in one transaction: adds the version
 * ({@link SourceService#addVersion}: overseers only, 409 when the source moved on), re-anchors every
 * author's annotations with {@link Reanchoring} (quote and context, as Hypothesis does), writes those
 * moved, changed or orphaned ({@link AnnotationService#reanchor}, each audited as
 * {@code annotation.reanchored}), and reports them with the relations and claim memberships touching
 * them (relations and memberships name annotations by id, so they follow them). Annotations that were
 * orphans before stay orphans (their offsets belong to an older text). The transaction is a
 * {@link BulkWork} one, so a big revision does not hold the audit chain from its first change.
 */
@Service
public class SourceRevisionService {

    private final SourceService sources;
    private final AnnotationService annotations;
    private final RelationService relations;
    private final ObjectProvider<ClaimMemberships> memberships;
    private final TransactionTemplate transaction;

    SourceRevisionService(SourceService sources, AnnotationService annotations, RelationService relations,
                          ObjectProvider<ClaimMemberships> memberships, PlatformTransactionManager transactions) {
        this.sources = sources;
        this.annotations = annotations;
        this.relations = relations;
        this.memberships = memberships;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setName(BulkWork.name("source-revision"));
    }

    /**
     * Adds {@code revised} as the next version of the source and re-anchors its annotations.
     *
     * @param basedOn the version number the caller revised (409 if the source is at another one now)
     * @param note why (optional; the audit trail records it as the reason)
     * @return the report; nothing is stored when any step fails
     */
    @PreAuthorize(Roles.OVERSEES)
    public RevisionReport revise(long sourceId, Integer basedOn, NewVersion revised, String note) {
        return transaction.execute(status -> reviseNow(sourceId, basedOn, revised, note));
    }

    private RevisionReport reviseNow(long sourceId, Integer basedOn, NewVersion revised, String note) {
        SourceRevision revision = sources.addVersion(sourceId, basedOn, revised, note);
        List<AnnotationDetails> all = annotations.allOf(sourceId);
        List<Anchor> anchors = new ArrayList<>(all.size());
        int alreadyOrphaned = 0;
        for (AnnotationDetails a : all) {
            if (a.orphaned()) {
                alreadyOrphaned++;
            } else {
                anchors.add(new Anchor(a.id(), a.start(), a.end(), a.text(), a.contextBefore(), a.contextAfter()));
            }
        }
        List<Placement> placements = Reanchoring.reanchor(revision.previousText(), revision.text(), anchors);
        String reason = "Version " + revision.version().number() + " of source " + sourceId
                + (note == null || note.isBlank() ? "" : ": " + note.strip());
        Map<Long, AnnotationDetails> before = new HashMap<>();
        all.forEach(a -> before.put(a.id(), a));
        Map<Long, AnnotationDetails> after = new HashMap<>();
        annotations.reanchor(sourceId, placements, reason).forEach(a -> after.put(a.id(), a));

        Map<Long, Outcome> outcomes = new HashMap<>();
        int[] counts = new int[Outcome.values().length];
        List<RevisionReport.Reanchored> listed = new ArrayList<>();
        for (Placement p : placements) {
            counts[p.outcome().ordinal()]++;
            if (p.outcome() == Outcome.UNCHANGED) {
                continue;
            }
            outcomes.put(p.id(), p.outcome());
            AnnotationDetails old = before.get(p.id());
            AnnotationDetails now = after.get(p.id());
            listed.add(new RevisionReport.Reanchored(p.id(), old.author(), old.label(), p.outcome(), old.start(),
                    old.end(), old.text(), now.start(), now.end(), now.text(), now.version()));
        }
        List<RevisionReport.AffectedRelation> touchedRelations = new ArrayList<>();
        if (!outcomes.isEmpty()) {
            for (RelationDetails r : relations.visible(sourceId)) {
                if (outcomes.containsKey(r.from()) || outcomes.containsKey(r.to())) {
                    touchedRelations.add(new RevisionReport.AffectedRelation(r.id(), r.type(), r.from(), r.to(),
                            outcomes.getOrDefault(r.from(), Outcome.UNCHANGED),
                            outcomes.getOrDefault(r.to(), Outcome.UNCHANGED)));
                }
            }
        }
        List<RevisionReport.AffectedMembership> touchedMemberships = new ArrayList<>();
        ClaimMemberships claims = memberships.getIfAvailable();
        if (claims != null && !outcomes.isEmpty()) {
            for (ClaimMemberships.Membership m : claims.ofSource(sourceId)) {
                Outcome outcome = outcomes.get(m.annotation());
                if (outcome != null) {
                    touchedMemberships.add(new RevisionReport.AffectedMembership(m.id(), m.claim(), m.statement(),
                            m.annotation(), m.stance(), outcome));
                }
            }
        }
        return new RevisionReport(revision.source(), revision.version(), revision.previousNumber(),
                new RevisionReport.Counts(counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.MOVED.ordinal()],
                        counts[Outcome.CHANGED.ordinal()], counts[Outcome.ORPHANED.ordinal()], alreadyOrphaned),
                listed, touchedRelations, touchedMemberships);
    }
}
