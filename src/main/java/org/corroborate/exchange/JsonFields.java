package org.corroborate.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.corroborate.base.WorkbenchException;
import tools.jackson.databind.JsonNode;

/** Reads fields of an imported JSON object, refusing a wrong one with the file, line and field. */
final class JsonFields {

    private final String file;
    private final int line;

    JsonFields(String file, int line) {
        this.file = file;
        this.line = line;
    }

    WorkbenchException wrong(String message) {
        return ImportFiles.malformed(file, line, message);
    }

    String text(JsonNode node, String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw wrong("'" + field + "' is missing.");
            }
            return null;
        }
        if (!value.isString()) {
            throw wrong("'" + field + "' must be a string.");
        }
        return value.asString();
    }

    /** A true or false, or null when absent. */
    Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrong("'" + field + "' must be true or false.");
        }
        return value.asBoolean();
    }

    int integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrong("'" + field + "' must be a whole number.");
        }
        return value.asInt();
    }

    Integer optionalInteger(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : integer(node, field);
    }

    Instant instant(JsonNode node, String field) {
        String value = text(node, field, false);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw wrong("'" + field + "' must be a time like 2025-03-14T09:30:00Z, not '" + value + "'.");
        }
    }

    LocalDate date(JsonNode node, String field) {
        String value = text(node, field, false);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw wrong("'" + field + "' must be a date like 2025-03-14, not '" + value + "'.");
        }
    }

    /** An object of string values, or an empty map when absent. */
    Map<String, String> strings(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            throw wrong("'" + field + "' must be an object of names and texts.");
        }
        for (var entry : value.properties()) {
            if (!entry.getValue().isString()) {
                throw wrong("'" + field + "." + entry.getKey() + "' must be a string.");
            }
            result.put(entry.getKey(), entry.getValue().asString());
        }
        return result;
    }
}
