package org.corroborate.scheme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.corroborate.scheme.LabelScheme;

/**
 * The scheme editor's relation types: each a card with its name (what data carries), title (what
 * people read), description, and the labels its two ends may carry. A type is added or removed
 * here; removing one that relations use is refused when saving, as for a label in use. Ids:
 * {@code scheme-relations}, {@code scheme-add-relation}, and per type {@code relation-N-name},
 * {@code -title}, {@code -description}, {@code -from}, {@code -to}, {@code -remove}.
 */
final class RelationTypesForm extends Div {

    private final Supplier<List<String>> labelNames;
    private final Div list = new Div();
    private final List<TypeForm> types = new ArrayList<>();
    private int next;

    /** The scheme's relation types as forms; {@code labelNames} gives the labels the editor holds now, for the ends. */
    RelationTypesForm(List<LabelScheme.RelationType> relations, Supplier<List<String>> labelNames) {
        this.labelNames = labelNames;
        setId("scheme-relations");
        addClassName("cb-scheme-relations");
        H3 heading = new H3("Relation types");
        Paragraph hint = new Paragraph("Links reviewers draw from one annotation to another of the same source, "
                + "such as a quote \"said by\" the fact naming its speaker. The ends say which labels each side may carry.");
        hint.addClassName("cb-hint");
        relations.forEach(this::addType);
        Button add = new Button("Add relation type", e -> addType(null));
        add.setId("scheme-add-relation");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(heading, hint, list, add);
    }

    /**
     * The relation types as the forms say. Their ends follow the labels as the editor holds them:
     * renamed labels ({@code labelRenames}: new name → old) by their new names, removed ones dropped,
     * and a type left with no label at an end that had some goes too (the diff says so before saving).
     */
    List<LabelScheme.RelationType> value(Map<String, String> labelRenames) {
        Map<String, String> newOf = new java.util.HashMap<>();
        labelRenames.forEach((renamed, old) -> newOf.put(old, renamed));
        List<String> present = labelNames.get();
        List<LabelScheme.RelationType> value = new ArrayList<>();
        for (TypeForm form : types) {
            LabelScheme.RelationType type = form.type(newOf, present);
            boolean emptied = (type.from().isEmpty() && !form.from.getValue().isEmpty())
                    || (type.to().isEmpty() && !form.to.getValue().isEmpty());
            if (!emptied) {
                value.add(type);
            }
        }
        return value;
    }

    private void addType(LabelScheme.RelationType type) {
        TypeForm[] holder = new TypeForm[1];
        holder[0] = new TypeForm(type, next++, () -> {
            types.remove(holder[0]);
            list.remove(holder[0]);
        });
        types.add(holder[0]);
        list.add(holder[0]);
    }

    /** One relation type's fields. */
    private final class TypeForm extends Div {
        private final TextField name = new TextField("Name");
        private final TextField title = new TextField("Title");
        private final TextArea description = new TextArea("Description");
        private final MultiSelectComboBox<String> from = new MultiSelectComboBox<>("From labels");
        private final MultiSelectComboBox<String> to = new MultiSelectComboBox<>("To labels");

        TypeForm(LabelScheme.RelationType type, int index, Runnable onRemove) {
            String id = "relation-" + index;
            setId(id);
            addClassName("cb-label-card");
            addClassName("cb-scheme-form");
            name.setId(id + "-name");
            name.setHelperText("Letters, digits, _ or -, such as said_by");
            title.setId(id + "-title");
            title.setHelperText("What people read; the name if empty");
            description.setId(id + "-description");
            description.setWidthFull();
            from.setId(id + "-from");
            to.setId(id + "-to");
            List<String> choices = new ArrayList<>(new LinkedHashSet<>(labelNames.get()));
            if (type != null) {
                type.from().stream().filter(l -> !choices.contains(l)).forEach(choices::add);
                type.to().stream().filter(l -> !choices.contains(l)).forEach(choices::add);
            }
            for (MultiSelectComboBox<String> end : List.of(from, to)) {
                end.setItems(choices);
                // Labels added in the editor since it opened are offered too.
                end.addFocusListener(e -> {
                    var chosen = end.getValue();
                    List<String> now = new ArrayList<>(new LinkedHashSet<>(labelNames.get()));
                    chosen.stream().filter(l -> !now.contains(l)).forEach(now::add);
                    end.setItems(now);
                    end.setValue(chosen);
                });
                end.setMinWidth("12rem");
            }
            if (type != null) {
                name.setValue(type.name());
                title.setValue(type.title());
                description.setValue(type.description() == null ? "" : type.description());
                from.setValue(new LinkedHashSet<>(type.from()));
                to.setValue(new LinkedHashSet<>(type.to()));
            }
            Button remove = new Button("Remove relation type", e -> onRemove.run());
            remove.setId(id + "-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            FlexLayout fields = new FlexLayout(name, title, from, to);
            fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            fields.addClassName("cb-scheme-fields");
            add(fields, description, new Div(remove));
        }

        LabelScheme.RelationType type(Map<String, String> newOf, List<String> present) {
            String desc = description.getValue().strip();
            return new LabelScheme.RelationType(name.getValue().strip(), title.getValue().strip(),
                    desc.isEmpty() ? null : desc, ends(from, newOf, present), ends(to, newOf, present));
        }

        private List<String> ends(MultiSelectComboBox<String> end, Map<String, String> newOf, List<String> present) {
            return end.getSelectedItems().stream().map(l -> present.contains(l) ? l : newOf.getOrDefault(l, l))
                    .filter(present::contains).distinct().sorted(this::inOrder).toList();
        }

        /** Ends in the order of the editor's labels, so that saving unchanged ends is no change. */
        private int inOrder(String a, String b) {
            List<String> order = labelNames.get();
            return Integer.compare(order.indexOf(a) < 0 ? Integer.MAX_VALUE : order.indexOf(a),
                    order.indexOf(b) < 0 ? Integer.MAX_VALUE : order.indexOf(b));
        }
    }
}
