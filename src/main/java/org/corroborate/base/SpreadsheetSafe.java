package org.corroborate.base;

/** Keeps spreadsheet programs from running a CSV cell as a formula: such cells get a leading apostrophe. */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    public static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
