package org.corroborate.exchange.ui;

/** Counted nouns for the Exchange page's messages. */
final class Counts {

    private Counts() {}

    /** "1 span", "2 spans", "1,024 sources". */
    static String of(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** "1 review status", "2 review statuses": a noun whose plural is not made with an s. */
    static String of(long n, String noun, String plural) {
        return String.format("%,d %s", n, n == 1 ? noun : plural);
    }
}
