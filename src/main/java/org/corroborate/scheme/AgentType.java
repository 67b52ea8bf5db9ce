package org.corroborate.scheme;

import java.util.Optional;

/**
 * A person or an organisation, named as the source names it (an "agent" in the W3C PROV sense):
 * free text, whose suggestions are the names given to every attribute of this type across the
 * project, since the same people speak, accuse and are accused. Written as a token with white space
 * as underscores, as free text is.
 */
final class AgentType implements AttributeType {

    static final String NAME = "agent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Person or organisation";
    }

    @Override
    public Field field() {
        return Field.TEXT_WITH_SUGGESTIONS;
    }

    @Override
    public boolean suggestsAcrossAttributes() {
        return true;
    }

    @Override
    public Optional<String> refusal(LabelScheme.Attribute attribute, String value) {
        return Optional.empty();
    }
}
