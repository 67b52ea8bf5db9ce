package org.corroborate.scheme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corroborate.scheme.AttributeType;
import org.corroborate.scheme.LabelScheme;

/**
 * One label of the scheme editor: its name (editing it renames the label), title, colour, hotkey,
 * description and archived flag, and its attributes, each an {@link AttributeForm}. Ids carry the
 * label's place: {@code label-0-name}, {@code label-0-attribute-1-type}.
 */
final class LabelForm extends Div {

    private final String original;
    private final String id;
    private final TextField name = new TextField("Name");
    private final TextField title = new TextField("Title");
    private final TextField color = new TextField("Colour");
    private final TextField hotkey = new TextField("Hotkey");
    private final Checkbox archived = new Checkbox("Archived");
    private final TextArea description = new TextArea("Description");
    private final Div attributeList = new Div();
    private final List<AttributeForm> attributes = new ArrayList<>();
    private int nextAttribute;

    /** A form for {@code label} (null: a new label) at place {@code index}; {@code onRemove} drops it. */
    LabelForm(LabelScheme.Label label, int index, Runnable onRemove) {
        this.original = label == null ? null : label.name();
        this.id = "label-" + index;
        setId(id);
        addClassName("cb-label-card");
        addClassName("cb-scheme-form");
        name.setHelperText(original == null ? "Upper case, such as CLAIM" : "Was " + original + "; renaming keeps its spans");
        color.setPattern("#[0-9a-fA-F]{6}");
        color.setHelperText("#rrggbb");
        color.addValueChangeListener(e -> color.getStyle().set("--cb-swatch", e.getValue()));
        color.setWidth("9rem");
        color.addClassName("cb-colour-field");
        hotkey.setMaxLength(1);
        hotkey.setWidth("6rem");
        description.setWidthFull();
        archived.setTooltipText("Kept, shown and exported on the spans that have it; not offered for new spans");
        field(name, "name");
        field(title, "title");
        field(color, "color");
        field(hotkey, "hotkey");
        description.setId(id + "-description");
        archived.setId(id + "-archived");
        if (label != null) {
            name.setValue(label.name());
            title.setValue(label.title());
            color.setValue(label.color());
            hotkey.setValue(label.hotkey() == null ? "" : label.hotkey());
            description.setValue(label.description() == null ? "" : label.description());
            archived.setValue(label.archived());
            label.attributes().forEach(this::addAttribute);
            if (label.archived()) {
                addClassName("cb-archived");
            }
        } else {
            color.setValue("#6a1b9a");
        }
        Button addAttribute = new Button("Add attribute", e -> addAttribute(null));
        addAttribute.setId(id + "-add-attribute");
        addAttribute.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button remove = new Button("Remove label", e -> onRemove.run());
        remove.setId(id + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        FlexLayout fields = new FlexLayout(name, title, color, hotkey, archived);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.addClassName("cb-scheme-fields");
        attributeList.addClassName("cb-scheme-attributes");
        add(fields, description, attributeList, new Div(addAttribute, remove));
    }

    private void field(TextField field, String what) {
        field.setId(id + "-" + what);
    }

    private void addAttribute(LabelScheme.Attribute attribute) {
        AttributeForm[] holder = new AttributeForm[1];
        holder[0] = new AttributeForm(attribute, id + "-attribute-" + nextAttribute++, () -> {
            attributes.remove(holder[0]);
            attributeList.remove(holder[0]);
        });
        attributes.add(holder[0]);
        attributeList.add(holder[0]);
    }

    /** The label's name before this edit; null for a new label. */
    String original() {
        return original;
    }

    /** The label as the form now says. */
    LabelScheme.Label label() {
        return new LabelScheme.Label(name.getValue().strip(), title.getValue().strip(), blankToNull(description.getValue()),
                color.getValue().strip(), blankToNull(hotkey.getValue()),
                attributes.stream().map(AttributeForm::attribute).toList(), archived.getValue());
    }

    /** The attribute forms, for their original names. */
    List<AttributeForm> attributes() {
        return List.copyOf(attributes);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One attribute of a label: name (editing it renames it), title, type, values, required, archived, description. */
    static final class AttributeForm extends Div {

        private final String original;
        private final TextField name = new TextField("Attribute");
        private final TextField title = new TextField("Title");
        private final Select<String> type = new Select<>();
        private final TextField values = new TextField("Values");
        private final Checkbox required = new Checkbox("Required");
        private final Checkbox archived = new Checkbox("Archived");
        private final TextField description = new TextField("Description");

        AttributeForm(LabelScheme.Attribute attribute, String id, Runnable onRemove) {
            this.original = attribute == null ? null : attribute.name();
            setId(id);
            addClassName("cb-scheme-attribute");
            type.setLabel("Type");
            type.setItems(AttributeType.all().stream().map(AttributeType::name).toList());
            type.setItemLabelGenerator(t -> AttributeType.named(t).map(AttributeType::title).orElse(t));
            type.setValue(attribute == null ? "text" : attribute.type());
            values.setHelperText("For a closed list: the values, separated by commas");
            values.setVisible("choice".equals(type.getValue()));
            type.addValueChangeListener(e -> values.setVisible("choice".equals(e.getValue())));
            name.setId(id + "-name");
            title.setId(id + "-title");
            type.setId(id + "-type");
            values.setId(id + "-values");
            required.setId(id + "-required");
            archived.setId(id + "-archived");
            description.setId(id + "-description");
            description.setWidthFull();
            if (attribute != null) {
                name.setValue(attribute.name());
                title.setValue(attribute.title());
                values.setValue(String.join(", ", attribute.values()));
                required.setValue(attribute.required());
                archived.setValue(attribute.archived());
                description.setValue(attribute.description() == null ? "" : attribute.description());
                name.setHelperText("Was " + attribute.name());
            }
            Button remove = new Button("Remove", e -> onRemove.run());
            remove.setId(id + "-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            FlexLayout fields = new FlexLayout(name, title, type, values, required, archived, remove);
            fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            fields.addClassName("cb-scheme-fields");
            add(fields, description);
        }

        String original() {
            return original;
        }

        String name() {
            return name.getValue().strip();
        }

        LabelScheme.Attribute attribute() {
            List<String> list = "choice".equals(type.getValue()) ? Arrays.stream(values.getValue().split(","))
                    .map(String::strip).filter(v -> !v.isEmpty()).toList() : List.of();
            return new LabelScheme.Attribute(name(), title.getValue().strip(), blankToNull(description.getValue()),
                    required.getValue(), type.getValue(), list, archived.getValue());
        }
    }
}
