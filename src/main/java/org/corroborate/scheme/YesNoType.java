package org.corroborate.scheme;

import java.util.List;
import java.util.Optional;

/**
 * A yes/no question about the span, such as "on the record?": the value is {@code yes} or {@code no},
 * exactly; the editor shows a check box. Both values are single tokens, so token formats write them
 * unchanged.
 */
final class YesNoType implements AttributeType {

    static final String NAME = "yesno";
    static final String YES = "yes";
    static final String NO = "no";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Yes/no";
    }

    @Override
    public Field field() {
        return Field.YES_NO;
    }

    @Override
    public Optional<String> refusal(LabelScheme.Attribute attribute, String value) {
        return YES.equals(value) || NO.equals(value) ? Optional.empty()
                : Optional.of("'" + attribute.name() + "' is a yes/no attribute: give 'yes' or 'no', not '"
                        + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'.");
    }

    @Override
    public List<String> allowedValues(LabelScheme.Attribute attribute) {
        return List.of(YES, NO);
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
