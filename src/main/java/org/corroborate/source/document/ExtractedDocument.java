package org.corroborate.source.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The text a document file holds, as the workbench stores it, with what the file said about itself.
 *
 * @param text the extracted text, normalised like every source text (Unicode NFC, LF line ends)
 * @param pageStarts the code point offset in {@code text} where each page begins, in order, the first
 *     being 0; empty for formats without pages (DOCX, ODT, RTF, EML, HTML)
 * @param metadata what the file held about itself, by Tika's property names ({@code dc:title},
 *     {@code dc:creator}, {@code dcterms:created}, ...); several values of one property joined by "; "
 * @param mediaType the type detected from the file's bytes, such as {@code application/pdf}
 * @param pages how many pages the document has; 0 for formats without pages
 */
public record ExtractedDocument(String text, List<Integer> pageStarts, Map<String, String> metadata,
                                String mediaType, int pages) {

    /** Tika's name for a document's title ({@code TikaCoreProperties.TITLE}; an e-mail's subject). */
    public static final String TITLE = "dc:title";
    /** Tika's name for a document's author ({@code TikaCoreProperties.CREATOR}; an e-mail's sender). */
    public static final String CREATOR = "dc:creator";
    /** Tika's name for when a document was made ({@code TikaCoreProperties.CREATED}; an e-mail's date). */
    public static final String CREATED = "dcterms:created";

    public ExtractedDocument {
        pageStarts = List.copyOf(pageStarts);
        metadata = Map.copyOf(metadata);
    }

    /** The file's title, if it names one. */
    public String title() {
        return blankToNull(metadata.get(TITLE));
    }

    /** The file's author, if it names one. */
    public String author() {
        return blankToNull(metadata.get(CREATOR));
    }

    /** The day the file says it was made (in UTC), if it says so in ISO 8601 form. */
    public LocalDate created() {
        String value = blankToNull(metadata.get(CREATED));
        if (value == null) {
            return null;
        }
        String first = value.split(";")[0].strip();
        try {
            return OffsetDateTime.parse(first).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(first.length() >= 10 ? first.substring(0, 10) : first);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
