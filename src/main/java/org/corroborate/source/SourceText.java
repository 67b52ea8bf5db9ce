package org.corroborate.source;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.corroborate.base.Sha256;

/** The normalisation every source text goes through, and the identity and length derived from it. */
public final class SourceText {

    private SourceText() {}

    /** Unicode NFC, and LF in place of every CRLF or lone CR. */
    public static String normalise(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(lf, Normalizer.Form.NFC);
    }

    /** SHA-256 of the normalised text's UTF-8 bytes, as lower-case hex: the source's content identity. */
    public static String sha256(String normalisedText) {
        return Sha256.hex(normalisedText.getBytes(StandardCharsets.UTF_8));
    }

    /** Length in Unicode code points, the unit of every offset in the API and exports. */
    public static int codePointLength(String text) {
        return text.codePointCount(0, text.length());
    }
}
