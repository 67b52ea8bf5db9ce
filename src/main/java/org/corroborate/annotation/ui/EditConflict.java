package org.corroborate.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.scheme.LabelScheme;

/**
 * What the editor shows when the annotation it edits changed underneath (a colleague's or
 * supervisor's save pushed live, or a 409 on Save): each field that differs, theirs beside mine,
 * with a choice per field; "Keep theirs" drops the viewer's edits, "Use mine" saves them on top of
 * their version (a new, audited change), "Save merged" saves the choice per field. Nothing is
 * merged without the viewer choosing it.
 */
class EditConflict extends Div {

    /** The fields the editor edits, as the viewer typed them (or as a save left them). */
    record Draft(String label, Map<String, String> attributes, String note) {

        static Draft of(AnnotationDetails annotation) {
            return new Draft(annotation.label(), annotation.attributes(),
                    annotation.note() == null ? "" : annotation.note());
        }
    }

    /** One differing field: its title, theirs and mine as shown, and the choice. */
    private record Row(String key, String title, String theirs, String mine, RadioButtonGroup<String> choice) {}

    static final String THEIRS = "Theirs";
    static final String MINE = "Mine";

    private final List<Row> rows;
    private final Draft theirs;
    private final Draft mine;

    /**
     * @param actor       who changed it, or null when not known (a 409 on Save)
     * @param keepTheirs  drops the viewer's edits
     * @param save        saves a draft on top of their version (mine, or the merge)
     */
    EditConflict(LabelScheme scheme, AnnotationDetails their, String actor, Draft mine, Runnable keepTheirs,
                 Consumer<Draft> save) {
        this.theirs = Draft.of(their);
        this.mine = mine;
        setId("edit-conflict");
        addClassName("cb-edit-conflict");
        getElement().setAttribute("role", "alert");
        H4 heading = new H4((actor == null ? "Someone else" : actor) + " changed this annotation while you were "
                + "editing it");
        Paragraph explain = new Paragraph("It is now at version " + their.version() + ". Your edits are not saved "
                + "yet. Choose, for each field that differs, whose value to keep, or keep one side whole.");
        explain.addClassName("cb-muted");
        add(heading, explain);
        this.rows = differences(scheme);
        Div table = new Div();
        table.addClassName("cb-conflict-table");
        table.add(cell("Field", "cb-conflict-head"), cell("Theirs", "cb-conflict-head"),
                cell("Mine", "cb-conflict-head"), cell("Keep", "cb-conflict-head"));
        for (Row row : rows) {
            Span title = cell(row.title(), "cb-conflict-field");
            Span theirsCell = cell(row.theirs(), "cb-conflict-theirs");
            theirsCell.setId("conflict-theirs-" + row.key());
            Span mineCell = cell(row.mine(), "cb-conflict-mine");
            mineCell.setId("conflict-mine-" + row.key());
            row.choice().setId("conflict-choice-" + row.key());
            row.choice().setAriaLabel("Keep for " + row.title());
            table.add(title, theirsCell, mineCell, row.choice());
        }
        if (rows.isEmpty()) {
            add(new Paragraph("Your edits and theirs say the same; only the version differs."));
        } else {
            add(table);
        }
        Button keep = new Button("Keep theirs", e -> keepTheirs.run());
        keep.setId("conflict-keep-theirs");
        keep.setTooltipText("Drop your edits and show their version");
        Button useMine = new Button("Use mine", e -> save.accept(mine));
        useMine.setId("conflict-use-mine");
        useMine.setTooltipText("Save your values on top of their version (a new change, in the audit trail)");
        Button merge = new Button("Save merged", e -> save.accept(merged()));
        merge.setId("conflict-merge");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        merge.setTooltipText("Save the value chosen for each field");
        HorizontalLayout actions = new HorizontalLayout(keep, useMine, merge);
        actions.addClassName("cb-conflict-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        add(actions);
    }

    /** The draft the per-field choices make. */
    Draft merged() {
        String label = theirs.label();
        Map<String, String> attributes = new LinkedHashMap<>(theirs.attributes());
        String note = theirs.note();
        for (Row row : rows) {
            boolean useMine = MINE.equals(row.choice().getValue());
            if (!useMine) {
                continue;
            }
            switch (row.key()) {
                case "label" -> label = mine.label();
                case "note" -> note = mine.note();
                default -> {
                    String name = row.key().substring("attribute-".length());
                    String value = mine.attributes().get(name);
                    if (value == null) {
                        attributes.remove(name);
                    } else {
                        attributes.put(name, value);
                    }
                }
            }
        }
        return new Draft(label, attributes, note);
    }

    /** The fields the two drafts differ in: label, each attribute, note. */
    private List<Row> differences(LabelScheme scheme) {
        List<Row> found = new java.util.ArrayList<>();
        if (!theirs.label().equals(mine.label())) {
            found.add(row("label", "Label", theirs.label(), mine.label()));
        }
        TreeSet<String> names = new TreeSet<>(theirs.attributes().keySet());
        names.addAll(mine.attributes().keySet());
        for (String name : names) {
            String a = theirs.attributes().get(name);
            String b = mine.attributes().get(name);
            if (!Objects.equals(a, b)) {
                String title = scheme.labels().stream().flatMap(l -> l.attributes().stream())
                        .filter(attr -> attr.name().equals(name)).map(LabelScheme.Attribute::title).findFirst()
                        .orElse(name);
                found.add(row("attribute-" + name, title, a, b));
            }
        }
        if (!theirs.note().equals(mine.note())) {
            found.add(row("note", "Note", theirs.note(), mine.note()));
        }
        return found;
    }

    private static Row row(String key, String title, String theirs, String mine) {
        RadioButtonGroup<String> choice = new RadioButtonGroup<>();
        choice.setItems(THEIRS, MINE);
        choice.setValue(MINE);
        return new Row(key, title, shown(theirs), shown(mine), choice);
    }

    private static String shown(String value) {
        return value == null || value.isBlank() ? "(empty)" : value;
    }

    private static Span cell(String text, String className) {
        Span cell = new Span(text);
        cell.addClassName(className);
        return cell;
    }
}
