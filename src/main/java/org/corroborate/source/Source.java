package org.corroborate.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import java.time.Instant;
import java.time.LocalDate;

/** One text under review, stored exactly as imported after normalisation, with its provenance. */
@Entity
@Table(name = "source")
@Audited
class Source {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false)
    private String title;

    private String publisher;
    private String author;
    private String url;
    private LocalDate published;
    private LocalDate retrieved;
    private String language;

    @Column(name = "origin_file_name")
    private String originFileName;

    @Column(name = "imported_by", nullable = false, updatable = false)
    private String importedBy;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;

    @Column(nullable = false, unique = true, updatable = false)
    private String sha256;

    @Column(name = "length_code_points", nullable = false, updatable = false)
    private int lengthCodePoints;

    @NotAudited // never changes after import; the history need not copy it
    @Column(name = "text_content", nullable = false, updatable = false)
    private String text;

    /** Blind mode: reviewers see colleagues' annotations only after they have submitted. */
    @Column(nullable = false)
    private boolean blind;

    @Version
    private long version;

    protected Source() {}

    Source(long projectId, SourceDraft draft, String importedBy, Instant importedAt) {
        this.projectId = projectId;
        this.title = draft.title();
        this.publisher = draft.publisher();
        this.author = draft.author();
        this.url = draft.url();
        this.published = draft.published();
        this.retrieved = draft.retrieved();
        this.language = draft.language();
        this.originFileName = draft.originFileName();
        this.text = draft.text();
        this.sha256 = SourceText.sha256(draft.text());
        this.lengthCodePoints = SourceText.codePointLength(draft.text());
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    Long getId() { return id; }
    Long getProjectId() { return projectId; }
    void setBlind(boolean blind) { this.blind = blind; }
    String getText() { return text; }
    String getSha256() { return sha256; }

    SourceSummary toSummary() {
        return new SourceSummary(id, title, publisher, author, url, published, retrieved, language, originFileName,
                importedBy, importedAt, sha256, lengthCodePoints, blind, version, projectId);
    }
}
