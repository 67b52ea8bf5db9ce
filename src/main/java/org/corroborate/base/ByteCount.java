package org.corroborate.base;

/** A number of bytes said the way people read it in a message: "10 KiB", "100 MiB", "1.5 GiB". */
public final class ByteCount {

    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB"};

    private ByteCount() {}

    /** The largest unit that gives at least 1, with one decimal only when it is not whole. */
    public static String describe(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double rounded = Math.round(value * 10) / 10.0;
        String number = rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
        return number + " " + UNITS[unit];
    }
}
