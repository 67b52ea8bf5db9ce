package org.corroborate.base;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in a sentence why a JSON request body could not be read: which field (by its path, such as
 * {@code attributes.speaker} or {@code annotationIds[2]}) and what it must be instead, or where the
 * JSON itself is broken. Built from Jackson's exception path, so it names the field for every type.
 */
public final class JsonProblem {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

    private JsonProblem() {}

    /** The sentence for a failure to read JSON (any exception with a Jackson exception among its causes). */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException jackson)) {
            return "The request body is missing or is not JSON: send a JSON object.";
        }
        String original = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            String parent = path(jackson);
            String field = parent.isEmpty() ? duplicate.group(1) : parent + "." + duplicate.group(1);
            return "'" + field + "' appears more than once in the JSON object: send each field once.";
        }
        if (original.startsWith("Trailing token")) {
            return "The request body holds more than one JSON value: send one JSON object.";
        }
        if (jackson instanceof InvalidNullException) {
            String field = path(jackson);
            return (field.isEmpty() ? "The request body" : "'" + field + "'") + " must not hold null: give a value "
                    + "or leave the item out.";
        }
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
            return "'" + path(jackson) + "' is not a field this request takes"
                    + (known.isEmpty() ? "" : "; it takes " + known) + ".";
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String field = path(jackson);
            return (field.isEmpty() ? "The request body" : "'" + field + "'") + " must be "
                    + expected(mismatch.getTargetType()) + got(mismatch) + ".";
        }
        if (jackson instanceof StreamReadException && path(jackson).isEmpty()) {
            var at = jackson.getLocation();
            return "The request body is not valid JSON" + (at == null || at.getLineNr() < 0 ? "" : " (line "
                    + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + firstLine(original);
        }
        String field = path(jackson);
        return (field.isEmpty() ? "The request body" : "'" + field + "'") + " cannot be read: " + firstLine(original);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || Number.class.isAssignableFrom(type)) {
            return "a number (not a string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string (in quotes)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == java.time.Instant.class) {
            return "a moment in ISO 8601 with its time zone, in a string, such as \"2027-03-01T00:00:00Z\"";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO date or time in a string";
        }
        return "a JSON object";
    }

    private static String got(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String value) {
            return ", not '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
        }
        if (e.getCurrentToken() == null) {
            return "";
        }
        return switch (e.getCurrentToken()) {
            case VALUE_STRING -> ", not a string";
            case VALUE_NUMBER_FLOAT -> ", not a fraction";
            case VALUE_NUMBER_INT -> ", not a number";
            case VALUE_TRUE, VALUE_FALSE -> ", not true or false";
            case VALUE_NULL -> ", not null";
            case START_ARRAY -> ", not an array";
            case START_OBJECT -> ", not an object";
            default -> "";
        };
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        // Jackson's pointer into its own input ("(start marker at [Source: REDACTED ...") says nothing to a caller
        int internals = line.indexOf(" (start marker at [Source:");
        if (internals < 0) {
            internals = line.indexOf("[Source:");
        }
        if (internals > 0) {
            line = line.substring(0, internals).strip();
        }
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
