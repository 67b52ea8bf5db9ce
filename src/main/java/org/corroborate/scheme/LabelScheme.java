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
                        List<Attribute> attributes) {}

    /** A named value an annotation with this label may carry, such as a quote's speaker. */
    public record Attribute(String name, String title, String description, boolean required) {}
}
