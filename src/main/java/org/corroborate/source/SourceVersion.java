package org.corroborate.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One version of a source's text, written once and never changed: the first is the imported text,
 * each later one a revision. Lengths and page starts count code points.
 */
@Entity
@Table(name = "source_version")
class SourceVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "text_content", nullable = false, updatable = false)
    private String text;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "length_code_points", nullable = false, updatable = false)
    private int lengthCodePoints;

    @Column(name = "original_sha256", updatable = false)
    private String originalSha256;

    @Column(name = "media_type", updatable = false)
    private String mediaType;

    /** JSON array of code point offsets, e.g. {@code [0,1834]}; null for a text without pages. */
    @Column(name = "page_starts", updatable = false)
    private String pageStarts;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private String note;

    protected SourceVersion() {}

    SourceVersion(long sourceId, int number, String text, String originalSha256, String mediaType,
                  List<Integer> pageStarts, String createdBy, Instant createdAt, String note) {
        this.sourceId = sourceId;
        this.number = number;
        this.text = text;
        this.sha256 = SourceText.sha256(text);
        this.lengthCodePoints = SourceText.codePointLength(text);
        this.originalSha256 = originalSha256;
        this.mediaType = mediaType;
        this.pageStarts = pageStarts == null || pageStarts.isEmpty() ? null
                : pageStarts.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.note = note;
    }

    String getText() { return text; }

    SourceVersionSummary toSummary(int current) {
        return new SourceVersionSummary(sourceId, number, sha256, lengthCodePoints, originalSha256, mediaType,
                pages(), createdBy, createdAt, note, number == current);
    }

    private List<Integer> pages() {
        if (pageStarts == null || pageStarts.isBlank()) {
            return List.of();
        }
        String inner = pageStarts.strip().replace("[", "").replace("]", "");
        return inner.isBlank() ? List.of()
                : java.util.Arrays.stream(inner.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
