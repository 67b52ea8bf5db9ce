package org.corroborate.exchange.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.corroborate.exchange.ImportReport;

/** What an import did, for people: the counts, then each conflict and ignored line. */
final class ImportReportView {

    private static final int SHOWN = 200;

    private ImportReportView() {}

    static Div of(ImportReport report) {
        Div view = new Div();
        view.addClassName("cb-import-report");
        view.getElement().setAttribute("data-outcome", report.dryRun() ? "checked" : "imported");
        Paragraph head = new Paragraph((report.dryRun() ? "Checked " : "Imported ") + report.file() + ": "
                + (report.dryRun() ? "nothing was kept. It would bring " : "")
                + Counts.of(report.sourcesImported(), "new source") + " (" + report.sourcesMatched() + " already here), "
                + Counts.of(report.spansImported(), "span") + " (" + report.spansUnchanged() + " already here), "
                + Counts.of(report.verdictsImported(), "verdict") + ", "
                + Counts.of(report.decisionsImported(), "decision") + ", "
                + Counts.of(report.statusesImported(), "review status", "review statuses") + ", "
                + Counts.of(report.relationsImported(), "relation") + " (" + report.relationsUnchanged()
                + " already here) and " + Counts.of(report.claimsImported(), "claim") + " ("
                + report.claimsUnchanged() + " already here)"
                + (report.blindImported() == 0 ? "" : "; " + Counts.of(report.blindImported(), "new source")
                        + " in blind mode") + ".");
        head.addClassName("cb-import-summary");
        view.add(head);
        list(view, "Conflicts: the workbench's version was kept", report.conflicts(), "cb-import-conflicts");
        list(view, "Ignored or read otherwise: what was not read, split or left out, each with why", report.ignored(),
                "cb-import-ignored");
        list(view, "Incomplete: imported without a required attribute", report.incomplete(),
                "cb-import-incomplete");
        return view;
    }

    static Div refused(String file, String message) {
        Div view = new Div();
        view.addClassNames("cb-import-report", "cb-import-error");
        view.getElement().setAttribute("data-outcome", "refused");
        view.add(new Paragraph("Nothing was imported from " + file + ". " + message));
        return view;
    }

    private static void list(Div view, String title, List<String> lines, String className) {
        if (lines.isEmpty()) {
            return;
        }
        Div block = new Div(new H3(title + " (" + lines.size() + ")"));
        block.addClassName(className);
        lines.stream().limit(SHOWN).forEach(line -> block.add(new Div(line)));
        if (lines.size() > SHOWN) {
            block.add(new Div("… and " + (lines.size() - SHOWN) + " more."));
        }
        view.add(block);
    }
}
