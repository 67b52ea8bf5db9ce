package org.corroborate.exchange;

import org.corroborate.base.WorkbenchException;

/** Which annotations an export holds: every reviewer's, one reviewer's, or the adjudicated gold layer. */
public record Layer(String kind, String reviewer) {

    public static Layer parse(String value) {
        if (value == null || value.isBlank() || value.equals("all")) {
            return new Layer("all", null);
        }
        if (value.equals("gold")) {
            return new Layer("gold", null);
        }
        if (value.startsWith("reviewer:") && value.length() > "reviewer:".length()) {
            return new Layer("reviewer", value.substring("reviewer:".length()));
        }
        throw WorkbenchException.badInput("Unknown layer '" + value + "': use all, gold or reviewer:NAME.");
    }

    @Override
    public String toString() {
        return reviewer == null ? kind : kind + ":" + reviewer;
    }
}
