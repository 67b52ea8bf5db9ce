package org.corroborate.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.corroborate.base.TextRules;
import org.corroborate.base.WorkbenchException;

/**
 * Turns an uploaded file, or the fields of an API request, into a {@link SourceDraft}: checks
 * that it is UTF-8 text of a known kind, reads its metadata, and normalises its text.
 * Every refusal names the file and says what is wrong.
 */
final class SourceParser {

    static final List<String> EXTENSIONS = List.of("txt", "md", "html", "htm");
    private static final int MAX_TITLE = 500;

    private SourceParser() {}

    static SourceDraft parseFile(String fileName, byte[] content) {
        String name = baseName(fileName);
        String extension = extension(name);
        if (!EXTENSIONS.contains(extension)) {
            throw WorkbenchException.badInput("'" + name + "' is not a supported file type: import .txt, .md or "
                    + ".html files.");
        }
        if (content.length == 0) {
            throw WorkbenchException.badInput("'" + name + "' is empty.");
        }
        String text = SourceText.normalise(stripByteOrderMark(decode(name, content)));
        return extension.startsWith("htm") ? fromHtml(name, text) : fromPlainText(name, text);
    }

    static SourceDraft fromFields(String title, String text, String publisher, String url, String published,
                                  String author) {
        if (text == null || text.isBlank()) {
            throw WorkbenchException.badInput("'text' is required and must not be blank.");
        }
        rejectControlCharacters("the text", text);
        TextRules.check("title", title);
        TextRules.check("publisher", publisher);
        TextRules.check("author", author);
        TextRules.check("url", url);
        String normalised = SourceText.normalise(text);
        if (url != null && !url.isBlank() && !FrontMatter.isWebAddress(url.strip())) {
            throw WorkbenchException.badInput("'url' must be an http or https address.");
        }
        LocalDate publishedDate = FrontMatter.date(published);
        if (published != null && !published.isBlank() && publishedDate == null) {
            throw WorkbenchException.badInput("'published' must be a date like 2025-03-14.");
        }
        String effectiveTitle = title == null || title.isBlank() ? firstLine(normalised) : clean(title);
        return new SourceDraft(limit("title", effectiveTitle), limit("publisher", clean(publisher)),
                limit("author", clean(author)), clean(url), publishedDate, null, null, null, normalised);
    }

    private static SourceDraft fromPlainText(String name, String text) {
        FrontMatter front = FrontMatter.parse(name, text);
        String body = front.body();
        if (body.isBlank()) {
            throw WorkbenchException.badInput("'" + name + "' has no text" + (front.values().isEmpty() ? "." :
                    " after its front matter."));
        }
        String title = front.get("title") != null ? front.get("title") : firstLine(body);
        return new SourceDraft(title, front.get("publisher"), front.get("author"), front.get("url"),
                FrontMatter.date(front.get("published")), FrontMatter.date(front.get("retrieved")),
                front.get("language"), name, body);
    }

    private static SourceDraft fromHtml(String name, String html) {
        HtmlText page = HtmlText.extract(html);
        String text = SourceText.normalise(page.text());
        if (text.isBlank()) {
            throw WorkbenchException.badInput("'" + name + "' has no readable text.");
        }
        String title = page.title().isEmpty() ? firstLine(text) : truncate(page.title());
        String url = FrontMatter.isWebAddress(page.url()) ? page.url() : null;
        String language = FrontMatter.LANGUAGE.matcher(page.language()).matches() ? page.language() : null;
        rejectControlCharacters("'" + name + "'", text);
        return new SourceDraft(title, blankToNull(truncate(page.publisher())), blankToNull(truncate(page.author())),
                url, FrontMatter.date(page.published()), null, language, name, text);
    }

    private static String decode(String name, byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw WorkbenchException.badInput("'" + name + "' looks like a binary file, not text.");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(content)).toString();
        } catch (MalformedInputException e) {
            throw WorkbenchException.badInput("'" + name + "' is not UTF-8 text; save it as UTF-8 and import it again.");
        } catch (CharacterCodingException e) {
            throw WorkbenchException.badInput("'" + name + "' is not UTF-8 text.");
        }
        rejectControlCharacters("'" + name + "'", text);
        return text;
    }

    /** Text has tabs and line breaks, not other control characters: those mean a binary or damaged file. */
    private static void rejectControlCharacters(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f) {
                throw WorkbenchException.badInput(what + " holds control characters (such as U+"
                        + String.format("%04X", (int) c) + "); it looks binary or damaged, not text.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // Only a JSON escape such as \ud800 can bring one: UTF-8 files cannot encode it.
                throw WorkbenchException.badInput(what + " holds a lone surrogate (U+" + String.format("%04X", (int) c)
                        + ") at position " + (i + 1) + "; it is not valid Unicode text and cannot be stored.");
            }
        }
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw WorkbenchException.badInput("The file has no name; a name ending in .txt, .md or .html is needed.");
        }
        String name = fileName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().map(String::strip).map(SourceParser::truncate).orElse("Untitled");
    }

    /** A value cut to the longest a title or author may be, with an ellipsis where it was cut. */
    static String truncated(String value) {
        return truncate(value);
    }

    private static String truncate(String value) {
        if (value == null || value.length() <= MAX_TITLE) {
            return value;
        }
        return value.substring(0, MAX_TITLE - 1) + "…";
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : SourceText.normalise(value.strip());
    }

    static String limit(String field, String value) {
        TextRules.check(field, value);
        if (value != null && value.length() > MAX_TITLE) {
            throw WorkbenchException.badInput("'" + field + "' is longer than " + MAX_TITLE + " characters.");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
