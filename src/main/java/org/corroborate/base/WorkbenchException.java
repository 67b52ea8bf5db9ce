package org.corroborate.base;

import java.util.Map;

/**
 * A failure caused by what the caller asked for, with a message meant for a person.
 * The kind decides the HTTP status on the API and the tone in the UI.
 */
public class WorkbenchException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        BAD_INPUT(400, "bad_input"),
        NOT_FOUND(404, "not_found"),
        CONFLICT(409, "conflict"),
        DUPLICATE(409, "duplicate"),
        TOO_LARGE(413, "too_large"),
        /** The workbench refuses every change: its audit guard is missing (docs/operations.md, "Read-only"). */
        READ_ONLY(503, "read_only");

        private final int status;
        private final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public WorkbenchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Extra facts for the caller, such as the current state after a conflict; shown in API errors. */
    public Map<String, Object> details() {
        return Map.of();
    }

    public static WorkbenchException badInput(String message) {
        return new WorkbenchException(Kind.BAD_INPUT, message);
    }

    public static WorkbenchException notFound(String message) {
        return new WorkbenchException(Kind.NOT_FOUND, message);
    }

    public static WorkbenchException conflict(String message) {
        return new WorkbenchException(Kind.CONFLICT, message);
    }

    public static WorkbenchException tooLarge(String message) {
        return new WorkbenchException(Kind.TOO_LARGE, message);
    }

    public static WorkbenchException readOnly(String message) {
        return new WorkbenchException(Kind.READ_ONLY, message);
    }
}
