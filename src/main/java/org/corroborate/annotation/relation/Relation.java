package org.corroborate.annotation.relation;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.corroborate.base.Provenance;
import org.hibernate.envers.Audited;

/**
 * One person's relation of a given type from one annotation to another of the same source, such as
 * a quote "said by" the fact that names its speaker. It never changes: it is made and deleted.
 */
@Entity
@Table(name = "relation")
@Audited
class Relation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "from_annotation", nullable = false, updatable = false)
    private Long from;

    @Column(name = "to_annotation", nullable = false, updatable = false)
    private Long to;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Who imported it, when, from which file; null for work done in this workbench. */
    @Embedded
    private Provenance imported;

    @Version
    private long version;

    protected Relation() {}

    Relation(long projectId, long sourceId, long from, long to, String type, String author, Instant createdAt,
             Provenance imported) {
        this.projectId = projectId;
        this.sourceId = sourceId;
        this.from = from;
        this.to = to;
        this.type = type;
        this.author = author;
        this.createdAt = createdAt;
        this.imported = imported;
    }

    Long getId() { return id; }
    String getAuthor() { return author; }
    long getVersion() { return version; }
    Provenance provenance() { return imported; }

    RelationDetails toDetails() {
        return new RelationDetails(id, sourceId, projectId, from, to, type, author, createdAt, version);
    }
}
