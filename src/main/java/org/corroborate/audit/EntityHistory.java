package org.corroborate.audit;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Component;

/** Reads the past states of an audited entity from the Envers history, with who changed it, when and why. */
@Component
public class EntityHistory {

    private final EntityManager entities;

    EntityHistory(EntityManager entities) {
        this.entities = entities;
    }

    /** One past state: the revision, when, who, why, what happened (add, mod, del), and the state (null when deleted). */
    public record Revision<T>(long revision, Instant at, String actor, String reason, String change, T state) {}

    /** Every state of one entity, oldest first, each mapped to what callers may see of it. */
    public <E, T> List<Revision<T>> of(Class<E> type, Object id, Function<E, T> view) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entities).createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return rows.stream().map(row -> {
            AuditRevision revision = (AuditRevision) row[1];
            RevisionType kind = (RevisionType) row[2];
            T state = kind == RevisionType.DEL ? null : view.apply(type.cast(row[0]));
            return new Revision<>(revision.getId(), revision.getRevisionTime(), revision.getActor(),
                    revision.getReason(), kind.name().toLowerCase(), state);
        }).toList();
    }

    /**
     * The states with the version each had: Envers leaves the {@code @Version} column out of the
     * history, so a state read from it says 0. The version is restored by counting, 0 at the
     * {@code add} and one more per {@code mod}: each writing transaction saves an entity once, so one
     * revision is one increment. {@code withVersion} makes the state with a given version.
     */
    public static <T> List<Revision<T>> numbered(List<Revision<T>> revisions, BiFunction<T, Long, T> withVersion) {
        List<Revision<T>> numbered = new ArrayList<>(revisions.size());
        long version = -1;
        for (Revision<T> r : revisions) {
            T state = r.state();
            if (state != null) {
                version = "add".equals(r.change()) ? 0 : version + 1;
                state = withVersion.apply(state, version);
            }
            numbered.add(new Revision<>(r.revision(), r.at(), r.actor(), r.reason(), r.change(), state));
        }
        return numbered;
    }

    /** The state at a moment: the last revision at or before it, or null if the entity did not exist then. */
    public static <T> T at(List<Revision<T>> revisions, Instant moment) {
        return revisions.stream().filter(r -> !r.at().isAfter(moment)).reduce((a, b) -> b)
                .map(Revision::state).orElse(null);
    }
}
