package org.corroborate.base;

import java.time.Instant;

/**
 * Where a piece of imported work came from: who imported it into this workbench, when, and from
 * which file. Work done in this workbench has none (null). The original author and times stay on
 * the work itself, as the file gave them.
 */
public record Provenance(String importedBy, Instant importedAt, String importFile) {

    /** The file name as it is stored: at most 500 characters. */
    public static String fileName(String name) {
        String given = name == null || name.isBlank() ? "upload" : name.strip();
        return given.length() <= 500 ? given : given.substring(0, 497) + "...";
    }
}
