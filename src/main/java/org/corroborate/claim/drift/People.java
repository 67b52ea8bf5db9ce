package org.corroborate.claim.drift;

/**
 * When two people's names are one person named two ways. Names are compared without titles, in lower
 * case: the last word is the surname, the words before it the given names.
 */
final class People {

    private People() {
    }

    /**
     * 1 when the two names are one person's with a conflict: the same surname with different given names
     * ("katherine morley" / "catherine morley"), or the same given names with a surname spelt nearly alike
     * ("daniel okafor" / "daniel okafur"); 0 when they agree ("morley" / "katherine morley",
     * "k morley" / "katherine morley") or are different people.
     */
    static int conflict(Detail a, Detail b) {
        String[] x = a.value().split(" ");
        String[] y = b.value().split(" ");
        String surnameX = x[x.length - 1];
        String surnameY = y[y.length - 1];
        String givenX = given(x);
        String givenY = given(y);
        if (surnameX.equals(surnameY)) {
            return givenX.isEmpty() || givenY.isEmpty() || compatible(givenX, givenY) ? 0 : 1;
        }
        int nearness = Math.min(surnameX.length(), surnameY.length()) >= 6 ? 2 : 1;
        boolean nearSurname = Math.min(surnameX.length(), surnameY.length()) >= 4
                && Spelling.distance(surnameX, surnameY) <= nearness;
        return nearSurname && !givenX.isEmpty() && givenX.equals(givenY) ? 1 : 0;
    }

    private static String given(String[] words) {
        return String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
    }

    /** Given names agree when equal or when one is the other's initials ("k", "k.", "k j"). */
    private static boolean compatible(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String[] x = a.replace(".", "").split(" ");
        String[] y = b.replace(".", "").split(" ");
        int shared = Math.min(x.length, y.length);
        for (int i = 0; i < shared; i++) {
            boolean initial = x[i].length() == 1 || y[i].length() == 1;
            if (initial ? x[i].charAt(0) != y[i].charAt(0) : !x[i].equals(y[i])) {
                return false;
            }
        }
        return true;
    }
}
