package org.corroborate.annotation.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.corroborate.scheme.AttributeType;
import org.corroborate.scheme.LabelScheme;

/**
 * The annotation editor's field for one attribute, chosen by its type's {@link AttributeType.Field}:
 * the one place where a new kind of field is added. Each field has the id {@code attribute-NAME},
 * the attribute's title as label and its description as helper text, and a required attribute's field
 * shows the required indicator.
 */
final class AttributeFieldFactory {

    private AttributeFieldFactory() {}

    /**
     * A field showing {@code value} (null: none); {@code suggestions} gives the values already used,
     * asked only by fields that offer them.
     */
    static AbstractField<?, String> field(LabelScheme.Attribute attribute, String value,
                                          Supplier<Collection<String>> suggestions) {
        AbstractField<?, String> field = switch (attribute.attributeType().field()) {
            case TEXT_WITH_SUGGESTIONS -> suggesting(attribute, value, suggestions.get());
            case CHOICE -> choice(attribute, value);
            case YES_NO -> new YesNoField(attribute, value);
        };
        field.setId("attribute-" + attribute.name());
        // The scheme page marks required attributes; the fields that ask for them say so too.
        field.setRequiredIndicatorVisible(attribute.demanded());
        if (attribute.archived()) {
            // An archived attribute keeps the values spans have, but takes no new ones.
            field.setReadOnly(true);
            if (field instanceof HasHelper helper) {
                helper.setHelperText("Archived: kept as it is, no longer asked for.");
            }
        }
        return field;
    }

    /**
     * A value the span holds for an attribute its label does not declare (any more): shown, never
     * editable, and kept when the annotation is saved.
     */
    static TextField undeclared(String name, String value) {
        TextField field = new TextField(name);
        field.setId("attribute-" + name);
        field.setWidthFull();
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        field.setHelperText("Not in the current scheme for this label: kept as it is.");
        field.addClassName("cb-undeclared-attribute");
        return field;
    }

    /** A yes/no attribute as a check box; checked is {@code yes}, unchecked {@code no}. */
    static final class YesNoField extends CustomField<String> {

        private final Checkbox box = new Checkbox();

        YesNoField(LabelScheme.Attribute attribute, String value) {
            box.setLabel(attribute.title());
            setLabel(null);
            add(box);
            setHelperText(attribute.description());
            setValue(value);
            // The check box is the whole field: each click is a value, as a combo box's choice is.
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    updateValue();
                }
            });
        }

        @Override
        protected String generateModelValue() {
            return box.getValue() ? "yes" : "no";
        }

        @Override
        protected void setPresentationValue(String value) {
            box.setValue("yes".equals(value));
        }

        @Override
        public void setReadOnly(boolean readOnly) {
            super.setReadOnly(readOnly);
            box.setReadOnly(readOnly);
        }
    }

    /** Free text in a combo box that offers the values used before and takes new ones. */
    private static ComboBox<String> suggesting(LabelScheme.Attribute attribute, String value,
                                               Collection<String> suggestions) {
        ComboBox<String> field = new ComboBox<>(attribute.title());
        field.setWidthFull();
        field.setAllowCustomValue(true);
        field.setClearButtonVisible(true);
        List<String> items = new ArrayList<>(suggestions);
        if (value != null && !items.contains(value)) {
            items.add(value);
        }
        field.setItems(items);
        field.setValue(value);
        field.addCustomValueSetListener(e -> {
            List<String> extended = new ArrayList<>(items);
            extended.add(e.getDetail());
            field.setItems(extended);
            field.setValue(e.getDetail());
        });
        field.setHelperText(attribute.description());
        return field;
    }

    /** One of the declared values, or none; a value the scheme no longer lists is still shown. */
    private static Select<String> choice(LabelScheme.Attribute attribute, String value) {
        Select<String> field = new Select<>();
        field.setLabel(attribute.title());
        field.setWidthFull();
        field.setEmptySelectionAllowed(true);
        List<String> items = new ArrayList<>(attribute.attributeType().allowedValues(attribute));
        if (value != null && !items.contains(value)) {
            items.add(value);
        }
        field.setItems(items);
        field.setValue(value);
        field.setHelperText(attribute.description());
        return field;
    }
}
