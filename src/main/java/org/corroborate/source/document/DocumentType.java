package org.corroborate.source.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The document formats whose text the workbench extracts with Apache Tika, by file name and by content. */
public enum DocumentType {
    PDF("PDF", "application/pdf", true, "pdf"),
    DOCX("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "docx"),
    ODT("ODT", "application/vnd.oasis.opendocument.text", false, "odt"),
    RTF("RTF", "application/rtf", false, "rtf"),
    EML("EML (e-mail)", "message/rfc822", false, "eml");

    private final String label;
    private final String mediaType;
    private final boolean paged;
    private final List<String> extensions;

    DocumentType(String label, String mediaType, boolean paged, String... extensions) {
        this.label = label;
        this.mediaType = mediaType;
        this.paged = paged;
        this.extensions = List.of(extensions);
    }

    /** A name for people, such as "PDF". */
    public String label() {
        return label;
    }

    /** The IANA media type Tika detects for this format. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether the format has pages whose starts the extractor records. */
    public boolean paged() {
        return paged;
    }

    /** File name extensions (lower case, without the dot). */
    public List<String> extensions() {
        return extensions;
    }

    /** The format a file name's extension (any case, without the dot) names, if it is one of these. */
    public static Optional<DocumentType> byExtension(String extension) {
        String lower = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(lower)).findFirst();
    }

    /** The format of a detected media type (parameters ignored), if it is one of these. */
    public static Optional<DocumentType> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }
}
