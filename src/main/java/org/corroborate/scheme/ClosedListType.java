package org.corroborate.scheme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A closed list: the value must be one of the attribute's {@code values}, exactly as the scheme
 * spells them. Values are single tokens (no white space), so token formats write them unchanged.
 */
final class ClosedListType implements AttributeType {

    static final String NAME = "choice";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Closed list";
    }

    @Override
    public Field field() {
        return Field.CHOICE;
    }

    @Override
    public List<String> declarationProblems(LabelScheme.Attribute attribute) {
        List<String> problems = new ArrayList<>();
        String where = "attribute '" + attribute.name() + "'";
        if (attribute.values().isEmpty()) {
            problems.add(where + " is a closed list ('" + NAME + "') and must list its 'values'");
        }
        Set<String> seen = new HashSet<>();
        for (String value : attribute.values()) {
            if (value == null || value.isEmpty() || value.codePoints().anyMatch(Character::isWhitespace)
                    || value.length() > 100) {
                problems.add(where + ": the value '" + value + "' must be one word of at most 100 characters");
            } else if (!seen.add(value)) {
                problems.add(where + ": the value '" + value + "' is listed twice");
            }
        }
        return problems;
    }

    @Override
    public Optional<String> refusal(LabelScheme.Attribute attribute, String value) {
        return attribute.values().contains(value) ? Optional.empty()
                : Optional.of("'" + attribute.name() + "' must be one of " + attribute.values() + ", not '"
                        + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'.");
    }

    @Override
    public List<String> allowedValues(LabelScheme.Attribute attribute) {
        return attribute.values();
    }

    @Override
    public String token(String value) {
        return value;
    }

    @Override
    public String fromToken(String token) {
        return token;
    }
}
