package org.corroborate.scheme;

import java.util.List;

/** The label scheme file cannot be used; the start stops with every problem found listed. */
public class InvalidSchemeException extends RuntimeException {

    private final String location;
    private final List<String> problems;

    InvalidSchemeException(String location, List<String> problems) {
        super("The label scheme " + location + " is invalid: " + String.join("; ", problems));
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    public String location() {
        return location;
    }

    public List<String> problems() {
        return problems;
    }
}
