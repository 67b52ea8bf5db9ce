package org.corroborate.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a hit is: a place in a source's text, or an annotation. JSON names {@code text} and {@code annotation}. */
public enum SearchKind {
    TEXT, ANNOTATION;

    /** The JSON name: {@code text} or {@code annotation}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
