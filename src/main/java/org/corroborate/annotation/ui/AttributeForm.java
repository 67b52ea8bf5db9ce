package org.corroborate.annotation.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.html.Div;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.corroborate.scheme.LabelScheme;

/**
 * The attribute fields of one label, as the annotation editor shows them and curation's "Edit &amp;
 * accept" reuses them: one field per attribute of the label ({@link AttributeFieldFactory}; archived
 * ones only where the span has a value, read-only), then, read-only, the values the span holds for
 * attributes its own label does not declare (made under an earlier scheme), which are given back as
 * they are so that saving never drops them.
 */
public class AttributeForm extends Div {

    private final LabelScheme scheme;
    private final Function<String, Collection<String>> suggestions;
    private final Map<String, AbstractField<?, String>> fields = new LinkedHashMap<>();
    /** Fields shown but never editable: archived attributes and values the label does not declare. */
    private final Set<String> locked = new HashSet<>();
    private Runnable onEdit = () -> { };

    /**
     * @param suggestions the values already used for an attribute (by its name), asked only by fields
     *                    that offer them
     */
    public AttributeForm(LabelScheme scheme, Function<String, Collection<String>> suggestions) {
        this.scheme = scheme;
        this.suggestions = suggestions;
        addClassName("cb-attribute-form");
        setWidthFull();
    }

    /**
     * Shows the fields of {@code labelName} filled from {@code values}; {@code ownLabel} and
     * {@code ownValues} are the span's own label and values, whose undeclared values stay shown.
     */
    public void show(String labelName, Map<String, String> values, String ownLabel, Map<String, String> ownValues) {
        fields.clear();
        locked.clear();
        removeAll();
        LabelScheme.Label chosen = scheme.label(labelName).orElse(null);
        if (chosen != null) {
            chosen.attributes().forEach(a -> {
                if (a.archived() && values.get(a.name()) == null) {
                    return; // archived: not asked for where the span has no value
                }
                AbstractField<?, String> field = AttributeFieldFactory.field(a, values.get(a.name()),
                        () -> suggestions.apply(a.name()));
                fields.put(a.name(), field);
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        onEdit.run();
                    }
                });
                if (a.archived()) {
                    locked.add(a.name());
                }
                add(field);
            });
        }
        LabelScheme.Label own = scheme.label(ownLabel).orElse(null);
        ownValues.forEach((name, value) -> {
            if ((own == null || own.attribute(name).isEmpty()) && !fields.containsKey(name)) {
                AbstractField<?, String> field = AttributeFieldFactory.undeclared(name, value);
                fields.put(name, field);
                locked.add(name);
                add(field);
            }
        });
    }

    /** Called when the viewer edits any field (for the editor's unsaved-changes guard). */
    public void setOnEdit(Runnable onEdit) {
        this.onEdit = onEdit;
    }

    /** The values filled in, by attribute name; blank fields are left out. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (field.getValue() != null && !field.getValue().isBlank()) {
                values.put(name, field.getValue());
            }
        });
        return values;
    }

    /** Read-only, or editable where the field may be edited at all. */
    public void setReadOnly(boolean readOnly) {
        fields.forEach((name, field) -> field.setReadOnly(readOnly || locked.contains(name)));
    }

    /** Focuses the first field; false when there is none. */
    public boolean focusFirst() {
        return fields.values().stream().findFirst().filter(Focusable.class::isInstance).map(Focusable.class::cast)
                .map(f -> {
                    f.focus();
                    return true;
                }).orElse(false);
    }
}
