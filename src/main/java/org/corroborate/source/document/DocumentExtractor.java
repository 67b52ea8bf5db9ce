package org.corroborate.source.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.corroborate.base.WorkbenchException;
import org.corroborate.source.SourceText;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the text, page starts and metadata of PDF, DOCX, ODT, RTF and EML files with Apache Tika 3
 * (https://tika.apache.org): the type is detected from the bytes ({@code DefaultDetector}: magic bytes
 * and the container detectors for OOXML and ODF zips), never taken from the name, and the text comes
 * from Tika's XHTML events. Pages are Tika's PDF page {@code <div class="page">} elements; other
 * formats have no pages (Tika's DOCX and ODT output carries no reliable page breaks).
 *
 * <p>Everything refused is refused with a {@link WorkbenchException} whose message names the file and
 * the problem (400, or 413 beyond {@code workbench.documents.max-bytes}): an encrypted or damaged file,
 * a PDF without a text layer (scanned), a zip bomb (POI's {@code ZipSecureFile} inflate ratio and
 * Tika's {@code SecureContentHandler}), too many pages or too much text. OCR is off: Tesseract is
 * skipped even where it is installed.
 *
 * <p>Thread-safe: one instance serves every import.
 */
@Component
public class DocumentExtractor {

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final String PAGE_SEPARATOR = "\n\n";
    private static final int MAX_METADATA_ENTRIES = 100;
    private static final int MAX_METADATA_VALUE = 1000;

    private final DocumentLimits limits;
    private final Detector detector;
    private final AutoDetectParser parser;

    public DocumentExtractor(DocumentLimits limits) {
        this.limits = limits;
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
    }

    /** The limits this extractor applies. */
    public DocumentLimits limits() {
        return limits;
    }

    /**
     * The media type of a file judged from its bytes alone (no name), such as {@code application/pdf},
     * {@code text/plain} or {@code application/octet-stream}; parameters such as a charset are dropped.
     */
    public String detect(byte[] content) {
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            return detector.detect(stream, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /**
     * Extracts a document whose name says it is of {@code expected} type.
     *
     * @param name the file's name, for messages
     * @param content the file's bytes
     * @param expected the type the name's extension says
     * @param progress told of pages read, for a progress bar
     * @return the text (normalised), page starts in code points, metadata, media type and page count
     * @throws WorkbenchException 413 over the size limit; 400 when the bytes are of another type than the
     *     name says, encrypted, damaged, scanned, a zip bomb, over the page or text limit, or without text
     */
    public ExtractedDocument extract(String name, byte[] content, DocumentType expected, ExtractionProgress progress) {
        if (content.length > limits.maxBytes().toBytes()) {
            throw WorkbenchException.tooLarge("'" + name + "' is " + content.length / 1024 + " KiB; documents may "
                    + "weigh up to " + limits.maxBytes().toBytes() / 1024 + " KiB (workbench.documents.max-bytes).");
        }
        if (content.length == 0) {
            throw WorkbenchException.badInput("'" + name + "' is empty.");
        }
        String detected = detect(content);
        if (!expected.mediaType().equals(detected)) {
            throw mismatch(name, expected, detected);
        }
        Metadata metadata = new Metadata();
        PageCollector pages = new PageCollector(name, metadata, progress);
        try (InputStream stream = TikaInputStream.get(content)) {
            parser.parse(stream, pages, metadata, context());
        } catch (EncryptedDocumentException e) {
            throw encrypted(name);
        } catch (SAXException e) {
            throw refusal(name, pages, e);
        } catch (TikaException | IOException | RuntimeException e) {
            throw refusal(name, pages, e);
        }
        if (pages.refusal != null) {
            throw pages.refusal;
        }
        return assemble(name, expected, detected, pages, metadata, progress);
    }

    /**
     * Says what a file's bytes are when they are not what its name says: the message a person needs to
     * rename it or pick the right file.
     */
    public static WorkbenchException mismatch(String name, DocumentType expected, String detected) {
        String actual = DocumentType.byMediaType(detected).map(t -> "a " + t.label() + " file")
                .orElseGet(() -> describe(detected));
        return WorkbenchException.badInput("'" + name + "' is named as " + (expected == null ? "text" : "a "
                + expected.label() + " file") + " but its content is " + actual + " (" + detected + "); the type "
                + "must match the name. Rename the file or pick the right one.");
    }

    private static String describe(String detected) {
        if (detected.equals("application/x-tika-ooxml-protected") || detected.equals("application/x-tika-msoffice")) {
            return "a password-protected or old-style Office file";
        }
        if (detected.startsWith("text/")) {
            return "plain text";
        }
        if (detected.equals("application/zip")) {
            return "a zip archive";
        }
        return "something else";
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        // No Parser in the context: embedded files (attachments, pictures) are not parsed.
        return context;
    }

    private ExtractedDocument assemble(String name, DocumentType expected, String detected, PageCollector pages,
                                       Metadata metadata, ExtractionProgress progress) {
        List<String> segments = pages.segments();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < segments.size(); i++) {
            String segment = clean(segments.get(i));
            if (i > 0) {
                text.append(PAGE_SEPARATOR);
                length += PAGE_SEPARATOR.length();
            }
            starts.add(length);
            text.append(segment);
            length += segment.codePointCount(0, segment.length());
        }
        String result = text.toString();
        if (result.codePoints().noneMatch(Character::isLetterOrDigit)) {
            if (expected.paged() && pages.pageCount > 0) {
                throw WorkbenchException.badInput("'" + name + "' has no text layer: its " + pages.pageCount
                        + " page(s) look scanned (pictures of text). This workbench does not run OCR; import a PDF "
                        + "with text, or run OCR on it first.");
            }
            throw WorkbenchException.badInput("'" + name + "' has no readable text.");
        }
        boolean paged = expected.paged() && pages.pageCount > 0;
        progress.pages(pages.pageCount, pages.pageCount);
        return new ExtractedDocument(result, paged ? starts : List.of(), metadataOf(metadata), detected,
                paged ? pages.pageCount : 0);
    }

    /** One page's (or a whole document's) text in the workbench's form: NFC, LF, no stray controls or blank runs. */
    static String clean(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (c == '\f' || c == '\u2028' || c == '\u2029') {
                kept.append('\n');
            } else if (c == '\n' || c == '\r' || c == '\t' || !(Character.isISOControl(c)
                    || Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF)) {
                kept.appendCodePoint(c);
            }
        });
        String text = SourceText.normalise(kept.toString());
        text = TRAILING_SPACE.matcher(text).replaceAll("\n");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    private static Map<String, String> metadataOf(Metadata metadata) {
        Map<String, String> kept = new TreeMap<>();
        for (String key : metadata.names()) {
            if (kept.size() >= MAX_METADATA_ENTRIES || key.startsWith("X-TIKA") || key.startsWith("X-Parsed-By")
                    || key.startsWith("pdf:charsPerPage") || key.startsWith("pdf:unmappedUnicodeCharsPerPage")
                    || key.startsWith("access_permission:") || key.equals("Content-Type")) {
                continue;
            }
            String value = clean(String.join("; ", metadata.getValues(key)));
            if (value.length() > MAX_METADATA_VALUE) {
                value = value.substring(0, value.offsetByCodePoints(0, MAX_METADATA_VALUE - 1)) + "…";
            }
            if (!value.isEmpty()) {
                kept.put(clean(key), value);
            }
        }
        return kept;
    }

    private WorkbenchException refusal(String name, PageCollector pages, Exception e) {
        if (pages.refusal != null) {
            return pages.refusal;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException
                    || t.getClass().getName().endsWith("InvalidPasswordException")) {
                return encrypted(name);
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return WorkbenchException.badInput("'" + name + "' looks like a zip bomb: it would unpack to far more "
                        + "than its size. It was refused and nothing was stored.");
            }
        }
        return WorkbenchException.badInput("'" + name + "' is damaged or not a readable document; it could not be "
                + "read. Open and save it again, or export it anew from the program that made it.");
    }

    private static WorkbenchException encrypted(String name) {
        return WorkbenchException.badInput("'" + name + "' is encrypted (password-protected); remove the protection "
                + "and import it again.");
    }

    /**
     * Gathers Tika's XHTML text events into pages: a new page at each {@code <div class="page">}, a blank
     * line after each paragraph or heading, nothing from {@code <head>}, scripts or styles. Stops the
     * parse (by a SAX exception) when a limit is passed, leaving the reason in {@link #refusal}.
     */
    private final class PageCollector extends DefaultHandler {

        private final String name;
        private final Metadata metadata;
        private final ExtractionProgress progress;
        private final List<StringBuilder> segments = new ArrayList<>();
        private StringBuilder current = new StringBuilder();
        private int pageCount;
        private int characters;
        private int hidden;
        private WorkbenchException refusal;

        PageCollector(String name, Metadata metadata, ExtractionProgress progress) {
            this.name = name;
            this.metadata = metadata;
            this.progress = progress;
            segments.add(current);
        }

        List<String> segments() {
            List<String> texts = new ArrayList<>(segments.stream().map(StringBuilder::toString).toList());
            if (pageCount > 0) {
                // Whatever came before the first page (PDFs have nothing there) belongs to page 1.
                String before = texts.removeFirst();
                texts.set(0, before + texts.getFirst());
            }
            return texts;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            String element = localName.isEmpty() ? qName : localName;
            if (element.equals("head") || element.equals("script") || element.equals("style")) {
                hidden++;
            } else if (element.equals("div") && "page".equals(attributes.getValue("class"))) {
                pageCount++;
                int total = total();
                if (pageCount > limits.maxPages() || total > limits.maxPages()) {
                    stop(WorkbenchException.badInput("'" + name + "' has " + Math.max(total, pageCount)
                            + " pages or more; documents may have up to " + limits.maxPages()
                            + " pages (workbench.documents.max-pages)."));
                }
                progress.pages(pageCount - 1, total);
                current = new StringBuilder();
                segments.add(current);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String element = localName.isEmpty() ? qName : localName;
            switch (element) {
                case "head", "script", "style" -> hidden--;
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre" -> current.append("\n\n");
                case "li", "tr", "br", "div", "dd", "dt" -> current.append('\n');
                case "td", "th" -> current.append('\t');
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (hidden > 0) {
                return;
            }
            characters += length;
            if (characters > limits.maxCharacters()) {
                stop(WorkbenchException.badInput("'" + name + "' yields more than " + limits.maxCharacters()
                        + " characters of text (workbench.documents.max-characters); it was refused."));
            }
            current.append(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            characters(ch, start, length);
        }

        private int total() {
            Integer pages = metadata.getInt(PagedText.N_PAGES);
            return pages == null ? 0 : pages;
        }

        private void stop(WorkbenchException why) throws SAXException {
            refusal = why;
            throw new SAXException(why.getMessage());
        }
    }
}
