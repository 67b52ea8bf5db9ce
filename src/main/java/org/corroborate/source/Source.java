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
import jakarta.persistence.Convert;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.corroborate.base.StringMapConverter;

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

    /** The current version's text's SHA-256 (unique within the project). */
    @Column(nullable = false)
    private String sha256;

    @Column(name = "length_code_points", nullable = false)
    private int lengthCodePoints;

    /** The current version's text; every version's text is kept in {@code source_version}, so the history need not copy it. */
    @NotAudited
    @Column(name = "text_content", nullable = false)
    private String text;

    /** The number of the current version (1 for the imported text; one more per revision). */
    @Column(name = "current_version", nullable = false)
    private int currentVersion = 1;

    /** Blind mode: reviewers see colleagues' annotations only after they have submitted. */
    @Column(nullable = false)
    private boolean blind;

    /** The SHA-256 of the file the text was read from, kept in {@code source_original}; null for a text given as JSON. */
    @Column(name = "original_sha256")
    private String originalSha256;

    /** The media type of that file, detected from its bytes. */
    @Column(name = "media_type")
    private String mediaType;

    /** Code point offsets where each page begins; null for formats without pages. */
    @NotAudited
    @Convert(converter = PageStartsConverter.class)
    @Column(name = "page_starts")
    private List<Integer> pageStarts;

    /** What the file held about itself (title, author, dates...), as Tika names it. */
    @NotAudited
    @Convert(converter = StringMapConverter.class)
    @Column(name = "document_metadata")
    private Map<String, String> documentMetadata;

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

    /** Makes a revised text the current one, as version {@code number}. */
    void revise(String revisedText, int number) {
        this.text = revisedText;
        this.sha256 = SourceText.sha256(revisedText);
        this.lengthCodePoints = SourceText.codePointLength(revisedText);
        this.currentVersion = number;
        // Page starts belong to the text they were read with (merge of documents and versions: a version
        // read from a paged file sets its own once versions take documents).
        this.pageStarts = null;
    }

    int getCurrentVersion() { return currentVersion; }
    String getImportedBy() { return importedBy; }
    Instant getImportedAt() { return importedAt; }
    int getLengthCodePoints() { return lengthCodePoints; }

    /** Records the file the text came from: its bytes' SHA-256, media type, page starts and metadata. */
    void setOriginal(String originalSha256, String mediaType, List<Integer> pageStarts,
                     Map<String, String> documentMetadata) {
        this.originalSha256 = originalSha256;
        this.mediaType = mediaType;
        this.pageStarts = pageStarts == null || pageStarts.isEmpty() ? null : List.copyOf(pageStarts);
        this.documentMetadata = documentMetadata == null || documentMetadata.isEmpty() ? null : documentMetadata;
    }

    /** Edits the provenance a person may correct (already checked). */
    void setProvenance(String title, String publisher, String author, String url, LocalDate published) {
        this.title = title;
        this.publisher = publisher;
        this.author = author;
        this.url = url;
        this.published = published;
    }

    Map<String, String> getDocumentMetadata() { return documentMetadata == null ? Map.of() : documentMetadata; }
    String getOriginalSha256() { return originalSha256; }
    long getVersion() { return version; }
    Long getId() { return id; }
    Long getProjectId() { return projectId; }
    void setBlind(boolean blind) { this.blind = blind; }
    String getText() { return text; }
    String getSha256() { return sha256; }

    SourceSummary toSummary() {
        return new SourceSummary(id, title, publisher, author, url, published, retrieved, language, originFileName,
                importedBy, importedAt, sha256, lengthCodePoints, blind, version, projectId, mediaType, originalSha256,
                pageStarts);
    }
}
