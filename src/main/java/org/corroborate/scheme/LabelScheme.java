package org.corroborate.scheme;

import java.util.List;
import java.util.Optional;

/** The labels a span may carry, as read from {@code annotations/scheme.json}; exports name its version. */
public record LabelScheme(String name, String version, String description, List<Label> labels) {

    public Optional<Label> label(String labelName) {
        return labels.stream().filter(l -> l.name().equals(labelName)).findFirst();
    }

    /** A label's colour ({@code #rrggbb}), or null for a label the scheme does not have (an imported one, say). */
    public String colorOf(String labelName) {
        return label(labelName).map(Label::color).orElse(null);
    }

    /** One label: its name in data, its title for people, its colour and hotkey, and its attributes. */
    public record Label(String name, String title, String description, String color, String hotkey,
                        List<Attribute> attributes) {

        /** The attribute of this label with that name, if it has one. */
        public Optional<Attribute> attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
        }
    }

    /**
     * A named value an annotation with this label may carry, such as a quote's speaker. {@code type}
     * names an {@link AttributeType} ({@value FreeTextType#NAME} when the scheme leaves it out);
     * {@code values} lists what a closed type allows (empty for the others). A required attribute
     * must have a value on every annotation and gold span made or changed in the workbench.
     */
    public record Attribute(String name, String title, String description, boolean required, String type,
                            List<String> values) {

        public Attribute {
            type = type == null || type.isBlank() ? FreeTextType.NAME : type.strip();
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** A free text attribute, as schemes without a {@code type} declare them. */
        public Attribute(String name, String title, String description, boolean required) {
            this(name, title, description, required, null, null);
        }

        /** The type this attribute is of; a scheme naming an unknown type never gets past {@link SchemeReader}. */
        public AttributeType attributeType() {
            return AttributeType.named(type).orElseThrow(() -> new IllegalStateException(
                    "Attribute '" + name + "' has the unknown type '" + type + "'."));
        }
    }
}
