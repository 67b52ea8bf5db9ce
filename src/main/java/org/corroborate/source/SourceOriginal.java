package org.corroborate.source;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file as it was uploaded, kept once by the SHA-256 of its bytes (content addressing): the first
 * link of the provenance chain original bytes → extracted text → spans. Never changed once stored.
 */
@Entity
@Table(name = "source_original")
class SourceOriginal {

    @Id
    private String sha256;

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "stored_at", nullable = false, updatable = false)
    private Instant storedAt;

    protected SourceOriginal() {}

    SourceOriginal(String sha256, String mediaType, byte[] content, Instant storedAt) {
        this.sha256 = sha256;
        this.mediaType = mediaType;
        this.size = content.length;
        this.content = content;
        this.storedAt = storedAt;
    }

    String getSha256() { return sha256; }
    String getMediaType() { return mediaType; }
    long getSize() { return size; }
    byte[] getContent() { return content; }
}
