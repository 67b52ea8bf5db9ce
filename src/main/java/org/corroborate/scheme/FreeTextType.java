package org.corroborate.scheme;

import java.util.Optional;

/**
 * Free text, such as a person's or an organisation's name: any value within the length limit; the
 * editor suggests the values already used. Written as a token with white space as underscores.
 */
final class FreeTextType implements AttributeType {

    static final String NAME = "text";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Free text";
    }

    @Override
    public Field field() {
        return Field.TEXT_WITH_SUGGESTIONS;
    }

    @Override
    public Optional<String> refusal(LabelScheme.Attribute attribute, String value) {
        return Optional.empty();
    }
}
