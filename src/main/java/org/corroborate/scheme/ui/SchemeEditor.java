package org.corroborate.scheme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.corroborate.base.ui.ReasonDialog;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.SchemeChangePreview;
import org.corroborate.scheme.SchemeDiff;
import org.corroborate.scheme.SchemeProposal;
import org.corroborate.scheme.SchemeService;
import org.corroborate.scheme.SchemeVersionDetails;

/**
 * The scheme page's editor, for a project's supervisors and administrators: every label and
 * attribute as a form; renaming is editing the name (sent as a rename, so spans follow). Saving
 * shows the diff first and, for a label or attribute removed while spans use it, asks whether to
 * map it to another or archive it; then it makes the next version. Ids: {@code scheme-editor},
 * {@code scheme-labels} (the label forms),
 * {@code scheme-add-label}, {@code scheme-save}, the labels' as {@link LabelForm} says, and in the
 * confirm dialog (a {@link ReasonDialog}) {@code scheme-diff} and {@code resolve-N}.
 */
final class SchemeEditor extends VerticalLayout {

    private final SchemeService schemes;
    private final long projectId;
    private final SchemeVersionDetails base;
    private final Consumer<SchemeVersionDetails> onSaved;
    private final Div labelList = new Div();
    private final List<LabelForm> labels = new ArrayList<>();
    private final TextField release = new TextField("Scheme version");
    private final Paragraph problem = new Paragraph();
    private final RelationTypesForm relations;
    private int nextLabel;

    SchemeEditor(SchemeService schemes, long projectId, SchemeVersionDetails base,
                 Consumer<SchemeVersionDetails> onSaved) {
        this.schemes = schemes;
        this.projectId = projectId;
        this.base = base;
        this.onSaved = onSaved;
        setId("scheme-editor");
        setPadding(false);
        release.setId("scheme-release");
        release.setValue(base.scheme().version());
        release.setHelperText("Your own version string, such as 1.1.0; the workbench numbers versions itself");
        // The same id as the read-only page's cards: the labels of the scheme, editable here.
        labelList.setId("scheme-labels");
        labelList.addClassName("cb-scheme-labels");
        base.scheme().labels().forEach(this::addLabel);
        Button add = new Button("Add label", e -> addLabel(null));
        add.setId("scheme-add-label");
        Button save = new Button("Save as version " + (base.number() + 1) + "…", e -> review());
        save.setId("scheme-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        problem.setId("scheme-problem");
        problem.addClassName("cb-form-error");
        problem.setVisible(false);
        relations = new RelationTypesForm(base.scheme().relations(),
                () -> labels.stream().map(f -> f.label().name()).filter(n -> !n.isBlank()).toList());
        add(release, labelList, new HorizontalLayout(add), relations, new HorizontalLayout(save), problem);
    }

    private void addLabel(LabelScheme.Label label) {
        LabelForm[] holder = new LabelForm[1];
        holder[0] = new LabelForm(label, nextLabel++, () -> {
            labels.remove(holder[0]);
            labelList.remove(holder[0]);
        });
        labels.add(holder[0]);
        labelList.add(holder[0]);
    }

    /** The forms as a proposal, with the renames the edited names make and the given mappings. */
    private SchemeProposal proposal(List<LabelScheme.Label> extra, Map<String, String> labelMappings,
                                    Map<String, Map<String, String>> attributeMappings, String reason) {
        LabelScheme current = base.scheme();
        List<LabelScheme.Label> next = new ArrayList<>();
        Map<String, String> labelRenames = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributeRenames = new LinkedHashMap<>();
        for (LabelForm form : labels) {
            LabelScheme.Label label = form.label();
            next.add(label);
            if (form.original() != null && !form.original().equals(label.name())) {
                labelRenames.put(label.name(), form.original());
            }
            for (LabelForm.AttributeForm attribute : form.attributes()) {
                if (form.original() != null && attribute.original() != null
                        && !attribute.original().equals(attribute.name())) {
                    attributeRenames.computeIfAbsent(label.name(), l -> new LinkedHashMap<>())
                            .put(attribute.name(), attribute.original());
                }
            }
        }
        List<LabelScheme.Label> withExtra = new ArrayList<>(next);
        for (LabelScheme.Label label : extra) {
            withExtra.removeIf(l -> l.name().equals(label.name()));
            withExtra.add(label);
        }
        return new SchemeProposal(new LabelScheme(current.name(), release.getValue().strip(), current.description(),
                withExtra, relations.value(labelRenames)), base.number(), labelRenames, attributeRenames, labelMappings, attributeMappings, reason);
    }

    /** Shows what the change does; what it would drop while in use is mapped or archived first. */
    private void review() {
        SchemeProposal plain = proposal(List.of(), Map.of(), Map.of(), null);
        SchemeChangePreview preview = schemes.preview(projectId, plain);
        if (!preview.problems().isEmpty()) {
            problem.setText("Cannot save: " + String.join("; ", preview.problems()) + ".");
            problem.setVisible(true);
            return;
        }
        if (!preview.misfits().isEmpty()) {
            problem.setText("Cannot save: spans hold values the new attribute types refuse: "
                    + SchemeService.misfitsInWords(preview.misfits()) + ". Change those values first, "
                    + "or keep the attribute's type and values.");
            problem.setVisible(true);
            return;
        }
        List<String> relationsInUse = preview.inUse().entrySet().stream()
                .filter(e -> e.getKey().startsWith("relation type "))
                .map(e -> e.getKey() + " is used by " + SchemeService.usage(e.getValue())).toList();
        if (!relationsInUse.isEmpty()) {
            problem.setText("Cannot save: " + String.join("; ", relationsInUse) + ". Keep the relation type, or "
                    + "delete those relations first.");
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        if (preview.diff().isEmpty()) {
            problem.setText("Nothing has changed.");
            problem.setVisible(true);
            return;
        }
        UnorderedList diff = new UnorderedList();
        diff.setId("scheme-diff");
        preview.diff().entries().stream().map(SchemeDiff.Entry::text).forEach(t -> diff.add(new ListItem(t)));
        Div resolutions = new Div();
        Map<String, Select<String>> choices = new LinkedHashMap<>();
        int n = 0;
        for (var entry : preview.inUse().entrySet()) {
            Select<String> choice = new Select<>();
            choice.setId("resolve-" + n++);
            // The whole sentence above the choice: as a field label it would be cut, count and all.
            Paragraph inUse = new Paragraph(entry.getKey() + " (as version " + base.number() + " calls it) is used by "
                    + SchemeService.usage(entry.getValue()) + ".");
            inUse.addClassName("cb-in-use");
            choice.setAriaLabel("What becomes of " + entry.getKey());
            resolutions.add(inUse);
            choice.setItems(options(entry.getKey(), plain.scheme()));
            choice.setValue(ARCHIVE);
            choice.setWidthFull();
            choices.put(entry.getKey(), choice);
            resolutions.add(choice);
        }
        new ReasonDialog("Save the scheme as version " + (base.number() + 1), "Save", reason -> {
            List<LabelScheme.Label> archived = new ArrayList<>();
            Map<String, String> labelMappings = new LinkedHashMap<>();
            Map<String, Map<String, String>> attributeMappings = new LinkedHashMap<>();
            choices.forEach((what, choice) -> resolve(what, choice.getValue(), plain.scheme(), archived,
                    labelMappings, attributeMappings));
            onSaved.accept(schemes.change(projectId, proposal(archived, labelMappings, attributeMappings,
                    reason.isBlank() ? null : reason)));
        }).setReasonRequired(false).addContent(diff, resolutions).open();
    }

    private static final String ARCHIVE = "Archive it: keep it on its spans, offer it no more";
    private static final String MAP_TO = "Map to ";

    /** For "label X": archive, or map to each label of the new scheme; for "attribute L.a": archive, or map to L's attributes. */
    private List<String> options(String what, LabelScheme next) {
        List<String> options = new ArrayList<>(List.of(ARCHIVE));
        if (what.startsWith("label ")) {
            next.labels().forEach(l -> options.add(MAP_TO + l.name()));
        } else {
            String label = what.substring("attribute ".length(), what.indexOf('.'));
            LabelForm form = labels.stream().filter(f -> label.equals(f.original())).findFirst().orElse(null);
            if (form != null) {
                form.label().attributes().forEach(a -> options.add(MAP_TO + a.name()));
            }
        }
        return options;
    }

    private void resolve(String what, String choice, LabelScheme next, List<LabelScheme.Label> archived,
                         Map<String, String> labelMappings, Map<String, Map<String, String>> attributeMappings) {
        LabelScheme current = base.scheme();
        if (what.startsWith("label ")) {
            String name = what.substring("label ".length());
            if (choice.startsWith(MAP_TO)) {
                labelMappings.put(name, choice.substring(MAP_TO.length()));
            } else {
                LabelScheme.Label old = current.label(name).orElseThrow();
                archived.add(new LabelScheme.Label(old.name(), old.title(), old.description(), old.color(), null,
                        old.attributes(), true));
            }
            return;
        }
        String label = what.substring("attribute ".length(), what.indexOf('.'));
        String attribute = what.substring(what.indexOf('.') + 1);
        if (choice.startsWith(MAP_TO)) {
            attributeMappings.computeIfAbsent(label, l -> new LinkedHashMap<>())
                    .put(attribute, choice.substring(MAP_TO.length()));
            return;
        }
        // Archive the attribute: the label as the forms say, with the old attribute back, archived.
        LabelForm form = labels.stream().filter(f -> label.equals(f.original())).findFirst().orElseThrow();
        LabelScheme.Label edited = archived.stream().filter(l -> l.name().equals(form.label().name())).findFirst()
                .orElse(form.label());
        LabelScheme.Attribute old = current.label(label).flatMap(l -> l.attribute(attribute)).orElseThrow();
        List<LabelScheme.Attribute> attributes = new ArrayList<>(edited.attributes());
        attributes.add(new LabelScheme.Attribute(old.name(), old.title(), old.description(), false, old.type(),
                old.values(), true));
        archived.removeIf(l -> l.name().equals(edited.name()));
        archived.add(new LabelScheme.Label(edited.name(), edited.title(), edited.description(), edited.color(),
                edited.hotkey(), attributes, edited.archived()));
    }
}
