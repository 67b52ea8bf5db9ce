package org.corroborate.audit;

import java.util.List;

/** Stops the start-up: the audit trail's guard is missing, or the workbench's own database role could lift it. */
public class AuditGuardMissingException extends IllegalStateException {

    private final List<String> problems;

    AuditGuardMissingException(List<String> problems) {
        super("The audit trail is not protected: " + String.join("; ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    /** What is missing, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
