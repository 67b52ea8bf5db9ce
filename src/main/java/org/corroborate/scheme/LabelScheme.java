package org.corroborate.scheme;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * The labels a span may carry: a project's scheme in one of its versions, or the template read from
 * {@code annotations/scheme.json}; exports name its version. {@code version} is the scheme's own
 * version string (such as 1.1.0), which the people who edit it keep; the workbench numbers every
 * saved change of a project's scheme itself (see {@link SchemeVersionDetails}). {@code relations}
 * lists the types of relation that may join two annotations (never null; empty when the scheme
 * declares none, as schemes stored before relations existed do).
 */
public record LabelScheme(String name, String version, String description, List<Label> labels,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RelationType> relations) {

    public LabelScheme {
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** A scheme without relation types. */
    public LabelScheme(String name, String version, String description, List<Label> labels) {
        this(name, version, description, labels, List.of());
    }

    /** The relation type with that name, if the scheme has one. */
    public Optional<RelationType> relation(String relationName) {
        return relations.stream().filter(r -> r.name().equals(relationName)).findFirst();
    }

    /** A relation type's title, the name people read ("said by"); the name in data for a type the scheme does not have. */
    public String relationTitleOf(String relationName) {
        return relation(relationName).map(RelationType::title).orElse(relationName);
    }

    /** The relation types that may go from a span with label {@code from} to one with label {@code to}, in the scheme's order. */
    public List<RelationType> relationsFitting(String from, String to) {
        return relations.stream().filter(r -> r.fits(from, to)).toList();
    }

    public Optional<Label> label(String labelName) {
        return labels.stream().filter(l -> l.name().equals(labelName)).findFirst();
    }

    /** A label's colour ({@code #rrggbb}), or null for a label the scheme does not have (an imported one, say). */
    public String colorOf(String labelName) {
        return label(labelName).map(Label::color).orElse(null);
    }

    /**
     * A label's title, the name people read ("Fact"), wherever the UI names a label; the name in data
     * ("FACT") for a label the scheme does not have.
     */
    public String titleOf(String labelName) {
        return label(labelName).map(Label::title).orElse(labelName);
    }

    /** The labels offered for new spans: every label but the archived ones, in the scheme's order. */
    public List<Label> offered() {
        return labels.stream().filter(l -> !l.archived()).toList();
    }

    /**
     * One label: its name in data, its title for people, its colour and hotkey, and its attributes.
     * An archived label stays in the scheme so that the spans that carry it are shown, exported and
     * curated, but it is not offered for new spans; {@code archived} is never null (absent is false).
     */
    public record Label(String name, String title, String description, String color, String hotkey,
                        List<Attribute> attributes,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean archived) {

        public Label {
            archived = Boolean.TRUE.equals(archived);
        }

        /** A label in use (not archived). */
        public Label(String name, String title, String description, String color, String hotkey,
                     List<Attribute> attributes) {
            this(name, title, description, color, hotkey, attributes, false);
        }

        /** The attribute of this label with that name, if it has one. */
        public Optional<Attribute> attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
        }
    }

    /**
     * A named value an annotation with this label may carry, such as a quote's speaker. {@code type}
     * names an {@link AttributeType} ({@value FreeTextType#NAME} when the scheme leaves it out);
     * {@code values} lists what a closed type allows (empty for the others). A required attribute
     * must have a value on every annotation and gold span made or changed in the workbench. An
     * archived attribute ({@code archived} is never null) keeps the values annotations already have (shown, exported) but is not
     * offered for new values, and is never required.
     */
    public record Attribute(String name, String title, String description, boolean required, String type,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean archived) {

        public Attribute {
            archived = Boolean.TRUE.equals(archived);
            type = type == null || type.isBlank() ? FreeTextType.NAME : type.strip();
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** An attribute in use (not archived). */
        public Attribute(String name, String title, String description, boolean required, String type,
                         List<String> values) {
            this(name, title, description, required, type, values, false);
        }

        /** A free text attribute, as schemes without a {@code type} declare them. */
        public Attribute(String name, String title, String description, boolean required) {
            this(name, title, description, required, null, null);
        }

        /** Whether a span made or changed now must have a value for it: required and not archived. */
        public boolean demanded() {
            return required && !archived;
        }

        /** The type this attribute is of; a scheme naming an unknown type never gets past {@link SchemeReader}. */
        public AttributeType attributeType() {
            return AttributeType.named(type).orElseThrow(() -> new IllegalStateException(
                    "Attribute '" + name + "' has the unknown type '" + type + "'."));
        }
    }

    /**
     * A type of relation from one annotation to another, such as a quote "said by" the fact that
     * names its speaker. {@code name} is what data and exports carry (letters, digits, {@code _} or
     * {@code -}, as brat needs); {@code title} is what people read (the name when the scheme leaves
     * it out); {@code from} and {@code to} name the labels the two ends must carry (never null).
     */
    public record RelationType(String name, String title, String description, List<String> from, List<String> to) {

        public RelationType {
            title = title == null || title.isBlank() ? name : title;
            from = from == null ? List.of() : List.copyOf(from);
            to = to == null ? List.of() : List.copyOf(to);
        }

        /** Whether a relation of this type may go from a span labelled {@code fromLabel} to one labelled {@code toLabel}. */
        public boolean fits(String fromLabel, String toLabel) {
            return from.contains(fromLabel) && to.contains(toLabel);
        }
    }
}
