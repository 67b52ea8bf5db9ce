package org.corroborate.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corroborate.base.WorkbenchException;

/**
 * The optional metadata block at the top of a .txt or .md source: {@code key: value} lines
 * between two {@code ---} lines. Strict: an unknown key or a malformed value is an error
 * naming the line, since silently dropping provenance is worse than refusing the file.
 */
record FrontMatter(Map<String, String> values, String body) {

    static final List<String> KEYS = List.of("title", "publisher", "author", "url", "published", "retrieved",
            "language");
    private static final Pattern LINE = Pattern.compile("([A-Za-z][A-Za-z_-]*)\\s*:(.*)");
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final String FENCE = "---";

    /** Splits normalised text (LF line ends) into front matter and body; no block gives empty values. */
    static FrontMatter parse(String fileName, String text) {
        if (!text.startsWith(FENCE + "\n") && !text.startsWith(FENCE + " ")) {
            return new FrontMatter(Map.of(), text);
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals(FENCE)) {
            return new FrontMatter(Map.of(), text);
        }
        if (Arrays.stream(lines).skip(1).noneMatch(line -> line.strip().equals(FENCE))) {
            throw bad(fileName, 1, "the front matter opened here is never closed by a line '---'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int offset = lines[0].length() + 1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            offset += line.length() + 1;
            if (line.strip().equals(FENCE)) {
                String body = offset >= text.length() ? "" : text.substring(offset);
                return new FrontMatter(values, body.replaceFirst("^\n+", ""));
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            read(fileName, i + 1, line, values);
        }
        throw new IllegalStateException("unreachable: the closing fence was found above");
    }

    private static void read(String fileName, int lineNumber, String line, Map<String, String> values) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw bad(fileName, lineNumber, "expected 'key: value' in the front matter, found '" + line.strip() + "'");
        }
        String key = m.group(1).toLowerCase();
        if (!KEYS.contains(key)) {
            throw bad(fileName, lineNumber, "unknown front-matter key '" + m.group(1) + "' (known keys: "
                    + String.join(", ", KEYS) + ")");
        }
        if (values.containsKey(key)) {
            throw bad(fileName, lineNumber, "the key '" + key + "' appears twice");
        }
        String value = unquote(m.group(2).strip());
        if (!value.isEmpty()) {
            check(fileName, lineNumber, key, value);
            values.put(key, value);
        }
    }

    private static void check(String fileName, int lineNumber, String key, String value) {
        switch (key) {
            case "published", "retrieved" -> {
                if (date(value) == null) {
                    throw bad(fileName, lineNumber, "'" + key + "' must be a date like 2025-03-14, found '"
                            + value + "'");
                }
            }
            case "url" -> {
                if (!isWebAddress(value)) {
                    throw bad(fileName, lineNumber, "'url' must be an http or https address, found '" + value + "'");
                }
            }
            case "language" -> {
                if (!LANGUAGE.matcher(value).matches()) {
                    throw bad(fileName, lineNumber, "'language' must be a language tag such as en or pt-BR, found '"
                            + value + "'");
                }
            }
            default -> {
                if (value.length() > 500) {
                    throw bad(fileName, lineNumber, "'" + key + "' is longer than 500 characters");
                }
            }
        }
    }

    /** An ISO date, or the date part of an ISO date-time; null if it is neither. */
    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value.strip()).toLocalDate();
            } catch (DateTimeParseException notADateTime) {
                return null;
            }
        }
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && value.length() <= 2000;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static WorkbenchException bad(String fileName, int line, String message) {
        return WorkbenchException.badInput("'" + fileName + "', line " + line + ": " + message + ".");
    }

    String get(String key) {
        return values.get(key);
    }
}
