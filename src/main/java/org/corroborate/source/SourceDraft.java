package org.corroborate.source;

import java.time.LocalDate;

/** A source as parsed from a file or a request, before it is stored; the text is already normalised. */
public record SourceDraft(String title, String publisher, String author, String url, LocalDate published,
                          LocalDate retrieved, String language, String originFileName, String text) {

    /** A draft that knows only its text and the file it came from, such as a brat {@code .txt}. */
    public static SourceDraft ofText(String originFileName, String text) {
        return new SourceDraft(null, null, null, null, null, null, null, originFileName, text);
    }
}
