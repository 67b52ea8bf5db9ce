package org.corroborate.annotation;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.corroborate.audit.AuditRevision;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Component;

/** Reads an annotation's past states from the Envers history. */
@Component
class AnnotationHistory {

    private final EntityManager entities;

    AnnotationHistory(EntityManager entities) {
        this.entities = entities;
    }

    List<AnnotationRevision> revisions(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entities).createQuery()
                .forRevisionsOfEntity(Annotation.class, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return rows.stream().map(row -> {
            Annotation state = (Annotation) row[0];
            AuditRevision revision = (AuditRevision) row[1];
            RevisionType type = (RevisionType) row[2];
            return new AnnotationRevision(revision.getId(), revision.getRevisionTime(), revision.getActor(),
                    revision.getReason(), type.name().toLowerCase(),
                    type == RevisionType.DEL ? null : state.toDetails());
        }).toList();
    }

    /** The annotation as it was at a moment, or null if it did not exist then. */
    AnnotationDetails at(long id, Instant moment) {
        return revisions(id).stream()
                .filter(r -> !r.at().isAfter(moment))
                .reduce((first, second) -> second)
                .map(AnnotationRevision::state)
                .orElse(null);
    }
}
