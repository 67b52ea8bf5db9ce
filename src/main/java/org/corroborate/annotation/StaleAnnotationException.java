package org.corroborate.annotation;

import java.util.Map;
import org.corroborate.base.WorkbenchException;

/** Someone changed the annotation since the caller read it: nothing was written; here is what it is now. */
public class StaleAnnotationException extends WorkbenchException {

    private final AnnotationDetails current;

    StaleAnnotationException(AnnotationDetails current, long seenVersion) {
        super(Kind.CONFLICT, "This annotation was changed by someone else since you opened it (you had version "
                + seenVersion + ", it is now at version " + current.version() + "). Nothing was saved; "
                + "look at its current state and try again.");
        this.current = current;
    }

    public AnnotationDetails current() {
        return current;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("current", current);
    }
}
