package org.corroborate.scheme;

import java.util.List;
import java.util.Optional;

/**
 * One kind of attribute value, such as free text or a closed list: its name in {@code scheme.json}
 * ({@code "type"}), how a value is checked, how it is written where a format wants one token, and
 * which kind of field the annotation editor shows for it. Every type is registered in
 * {@link #all()}; adding one is one class here (and an editor field in the UI only if none of the
 * {@link Field} kinds fits).
 */
public interface AttributeType {

    /** The kinds of editor field; the UI maps each to one component. */
    enum Field {
        /** Free text, offering the values already used for the attribute across the corpus. */
        TEXT_WITH_SUGGESTIONS,
        /** One of the attribute's declared values. */
        CHOICE,
        /** A check box: checked is {@code yes}, unchecked {@code no}. */
        YES_NO
    }

    /** The name in a scheme's {@code "type"}, such as {@code text}. */
    String name();

    /** What a person calls it, for the scheme page. */
    String title();

    /** The editor field that edits a value of this type. */
    Field field();

    /**
     * What is wrong with the attribute as a scheme declares it, one sentence each (none: fine); the
     * scheme reader adds where.
     */
    default List<String> declarationProblems(LabelScheme.Attribute attribute) {
        return attribute.values().isEmpty() ? List.of()
                : List.of("attribute '" + attribute.name() + "' is of type '" + name() + "', which takes no 'values'");
    }

    /**
     * Why a value is refused for this attribute, as a sentence for the person who gave it; empty if
     * it fits. The value is already stripped, not empty, and within the length limit.
     */
    Optional<String> refusal(LabelScheme.Attribute attribute, String value);

    /**
     * Whether the editor suggests, for an attribute of this type, the values given to every
     * attribute of this type across the project (people recur as speakers, accusers and accused)
     * rather than only the values given to that attribute.
     */
    default boolean suggestsAcrossAttributes() {
        return false;
    }

    /** The values the attribute allows, in the scheme's order; empty when any value will do. */
    default List<String> allowedValues(LabelScheme.Attribute attribute) {
        return List.of();
    }

    /**
     * The value as one token without white space, for formats that write values as tokens (brat's A
     * lines); {@link #fromToken} reads it back.
     */
    default String token(String value) {
        return value.replace(' ', '_').replace('\t', '_').replace('\n', '_');
    }

    /** A value from the token {@link #token} wrote. */
    default String fromToken(String token) {
        return token.replace('_', ' ');
    }

    /** Every registered type: the one place a new type is added. */
    static List<AttributeType> all() {
        return List.of(new FreeTextType(), new ClosedListType(), new YesNoType(), new AgentType());
    }

    /** The type of attributes a scheme declares without a {@code "type"}: free text. */
    static AttributeType defaultType() {
        return new FreeTextType();
    }

    /** The registered type with that scheme name. */
    static Optional<AttributeType> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
