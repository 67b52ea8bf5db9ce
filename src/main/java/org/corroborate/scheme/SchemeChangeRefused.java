package org.corroborate.scheme;

import java.util.Map;
import org.corroborate.base.WorkbenchException;

/** A scheme change refused, with the facts behind it in {@link #details()} (problems, counts, the current version). */
public class SchemeChangeRefused extends WorkbenchException {

    private final Map<String, Object> details;

    SchemeChangeRefused(Kind kind, String message, Map<String, Object> details) {
        super(kind, message);
        this.details = Map.copyOf(details);
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }
}
