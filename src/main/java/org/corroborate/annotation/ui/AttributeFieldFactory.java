package org.corroborate.annotation.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.combobox.ComboBox;
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
        };
        field.setId("attribute-" + attribute.name());
        // The scheme page marks required attributes; the fields that ask for them say so too.
        field.setRequiredIndicatorVisible(attribute.required());
        return field;
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
