package org.corroborate.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A CoNLL-2003 file in IOB2, held to the scheme's rules: documents open with
 * {@code -DOCSTART- -X- -X- O} and a blank line; a token line has exactly four columns, whether split
 * at single spaces or as Python's {@code str.split()} splits (so no token holds white space, U+0085
 * included); the tag is {@code O}, {@code B-X} or {@code I-X}; an {@code I-X} only continues a
 * {@code B-X} or {@code I-X} of the same X in the same sentence. Returns the phrases, as conlleval
 * counts them.
 */
final class Iob2Rules {

    private Iob2Rules() {}

    /** One phrase: its document (from 0), sentence (from 0 in the document), first and last token, label. */
    record Phrase(int document, int sentence, int first, int last, String label) {}

    static List<Phrase> check(String conll) {
        List<Phrase> phrases = new ArrayList<>();
        String[] lines = conll.split("\n", -1);
        int document = -1;
        int sentence = 0;
        int token = 0;
        String open = null;
        boolean inSentence = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "': ";
            if (line.equals(ConllFormat.DOCSTART)) {
                document++;
                sentence = 0;
                token = 0;
                open = null;
                inSentence = false;
                if (n + 1 >= lines.length || !lines[n + 1].isEmpty()) {
                    throw new AssertionError(where + "-DOCSTART- must be followed by a blank line");
                }
                n++;
                continue;
            }
            if (line.isEmpty()) {
                if (inSentence) {
                    sentence++;
                    token = 0;
                }
                open = null;
                inSentence = false;
                continue;
            }
            if (document < 0) {
                throw new AssertionError(where + "a token before the first -DOCSTART-");
            }
            String[] columns = line.split(" ", -1);
            long pythonColumns = pythonSplit(line);
            if (columns.length != 4 || pythonColumns != 4) {
                throw new AssertionError(where + "a token line has 4 columns (" + columns.length + " by spaces, "
                        + pythonColumns + " by str.split())");
            }
            String tag = columns[3];
            inSentence = true;
            if (tag.equals("O")) {
                open = null;
            } else if (tag.startsWith("B-") && tag.length() > 2) {
                open = tag.substring(2);
                phrases.add(new Phrase(document, sentence, token, token, open));
            } else if (tag.startsWith("I-") && tag.length() > 2) {
                if (!tag.substring(2).equals(open)) {
                    throw new AssertionError(where + tag + " does not continue a phrase of its label (IOB2)");
                }
                Phrase last = phrases.removeLast();
                phrases.add(new Phrase(last.document(), last.sentence(), last.first(), token, last.label()));
            } else {
                throw new AssertionError(where + "the tag is not O, B-X or I-X");
            }
            token++;
        }
        return phrases;
    }

    /** How many fields Python's {@code str.split()} gives. */
    static long pythonSplit(String line) {
        long fields = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            boolean space = PythonText.isSpace(c);
            if (!space && !in) {
                fields++;
            }
            in = !space;
            i += Character.charCount(c);
        }
        return fields;
    }
}
