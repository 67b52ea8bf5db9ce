package org.corroborate.base;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Where a piece of imported work came from: who imported it into this workbench, when, and from
 * which file. Work done in this workbench has none (null). The original author and times stay on
 * the work itself, as the file gave them. Embedded in the annotation, verdict and decision tables as
 * the columns {@code imported_by}, {@code imported_at} and {@code import_file}; all null (and so
 * a null {@code Provenance}) for work done here.
 */
@Embeddable
public record Provenance(@Column(name = "imported_by") String importedBy,
                         @Column(name = "imported_at") Instant importedAt,
                         @Column(name = "import_file") String importFile) {

    /** The file name as it is stored: at most 500 characters. */
    public static String fileName(String name) {
        String given = name == null || name.isBlank() ? "upload" : name.strip();
        return given.length() <= 500 ? given : given.substring(0, 497) + "...";
    }
}
