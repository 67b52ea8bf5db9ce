package org.corroborate.base.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.corroborate.base.Provenance;

/**
 * The mark of imported work, the same wherever it appears (a span, a verdict, a decision): who
 * imported it, when and from which file, on a line of its own.
 */
public final class ImportMark extends Span {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /**
     * @param imported where the work came from (not null)
     * @param suffix text after the file name, such as "; alice did not make it in this workbench.", or ""
     */
    public ImportMark(Provenance imported, String suffix) {
        addClassName("cb-imported");
        var icon = VaadinIcon.UPLOAD_ALT.create();
        icon.addClassName("cb-imported-icon");
        add(icon, new Span(describe(imported) + suffix));
    }

    /** "Imported by sam on 2026-11-30 13:13 UTC from old-study.jsonl", in the server's time zone. */
    public static String describe(Provenance imported) {
        return "Imported by " + imported.importedBy() + " on "
                + WHEN.format(imported.importedAt().atZone(ZoneId.systemDefault())) + " from " + imported.importFile();
    }
}
