package org.corroborate.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.base.Provenance;
import org.corroborate.base.StringMapConverter;
import org.hibernate.envers.Audited;

/**
 * One reviewer's span [start, end) of a source (code points), its label, attribute values and note,
 * with the covered text and some context kept so the span can be checked or re-anchored later.
 */
@Entity
@Table(name = "annotation")
@Audited
class Annotation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    /** The source's project, kept here so a project's annotations are found without a join. */
    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    @Column(nullable = false)
    private String label;

    @Convert(converter = StringMapConverter.class)
    @Column(nullable = false)
    private Map<String, String> attributes = new TreeMap<>();

    private String note;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(name = "covered_text", nullable = false)
    private String coveredText;

    @Column(name = "context_before", nullable = false)
    private String contextBefore;

    @Column(name = "context_after", nullable = false)
    private String contextAfter;

    /** Who imported it, when, from which file; null for work done in this workbench. */
    @jakarta.persistence.Embedded
    private Provenance imported;

    /** The version of the project's scheme it was last saved under. */
    @Column(name = "scheme_version", nullable = false)
    private int schemeVersion;

    /** {@value #ANCHORED}, or {@value #ORPHANED} when a revision of the source did not find its quote. */
    @Column(name = "anchor_state", nullable = false)
    private String anchorState = ANCHORED;

    @Version
    private long version;

    /** The anchor state of an annotation whose offsets point at its quote in the source's current text. */
    static final String ANCHORED = "anchored";
    /** The anchor state of an annotation a revision did not find: it keeps its old offsets and quote. */
    static final String ORPHANED = "orphaned";

    protected Annotation() {}

    Annotation(Long projectId, Long sourceId, String author, Instant createdAt) {
        this.projectId = projectId;
        this.sourceId = sourceId;
        this.author = author;
        this.createdAt = createdAt;
    }

    void place(Span span, Instant when) {
        this.start = span.start();
        this.end = span.end();
        this.coveredText = span.text();
        this.contextBefore = span.before();
        this.contextAfter = span.after();
        this.modifiedAt = when;
        this.anchorState = ANCHORED;
    }

    /** Keeps the offsets, quote and context, marked as no longer found in the source's current text. */
    void orphan(Instant when) {
        this.anchorState = ORPHANED;
        this.modifiedAt = when;
    }

    boolean isOrphaned() { return ORPHANED.equals(anchorState); }

    /** Records the version of the project's scheme this save is made under. */
    void savedUnder(int schemeVersion) {
        this.schemeVersion = schemeVersion;
    }

    String getLabel() { return label; }
    Map<String, String> getAttributes() { return Map.copyOf(attributes); }
    String getNote() { return note; }

    void describe(String label, Map<String, String> attributes, String note) {
        this.label = label;
        this.attributes = new TreeMap<>(attributes);
        this.note = note;
    }

    /** Marks this as imported work: who imported it, when, from which file. */
    void imported(Provenance provenance) {
        this.imported = provenance;
    }

    /** Where it was imported from; null for work done in this workbench. */
    Provenance provenance() {
        return imported;
    }

    Long getId() { return id; }
    Long getSourceId() { return sourceId; }
    Long getProjectId() { return projectId; }
    String getAuthor() { return author; }
    long getVersion() { return version; }

    AnnotationDetails toDetails() {
        return new AnnotationDetails(id, sourceId, start, end, label, Map.copyOf(attributes), note, author,
                createdAt, modifiedAt, coveredText, contextBefore, contextAfter, version, provenance(), projectId,
                schemeVersion, anchorState);
    }
}
