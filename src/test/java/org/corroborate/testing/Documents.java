package org.corroborate.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Document files made by the tests themselves: PDFs with PDFBox (paged, encrypted, image-only), DOCX
 * with POI (and a DOCX zip bomb), and ODT, RTF and EML written by hand. Texts are plain ASCII so the
 * standard 14 PDF fonts can show them.
 */
public final class Documents {

    private Documents() {}

    /** A PDF with one page per text (each text's lines on that page), a title and an author. */
    public static byte[] pdf(String title, String author, List<String> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2026, Calendar.MARCH, 14, 9, 30, 0);
            info.setCreationDate(created);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(60, 780);
                    for (String line : text.split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} pages, each a paragraph of about 40 lines of words. */
    public static byte[] longPdf(int pages) {
        List<String> texts = new java.util.ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            StringBuilder page = new StringBuilder();
            for (int line = 1; line <= 40; line++) {
                page.append("Page ").append(p).append(" line ").append(line)
                        .append(": the inquiry heard evidence about the water supply at Ellsworth Vale.\n");
            }
            texts.add(page.toString());
        }
        return pdf("Long report", "Inquiry clerk", texts);
    }

    /** A PDF that opens only with a password (user password "secret"). */
    public static byte[] encryptedPdf() {
        byte[] plain = pdf("Sealed", "Clerk", List.of("Confidential text"));
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(plain);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pass", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "scanned" PDF: two pages holding only a picture, no text layer. */
    public static byte[] imageOnlyPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage picture = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 100);
            g.setColor(Color.BLACK);
            g.drawString("Scanned words", 20, 50);
            g.dispose();
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(document, picture);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 60, 600, 400, 200);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX of these paragraphs, with a title and an author in its core properties. */
    public static byte[] docx(String title, String author, List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator(author);
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX zip bomb: a real DOCX whose {@code word/document.xml} is replaced by one that unpacks to
     * {@code megabytes} MB of one repeated letter (a compression ratio near 1000:1).
     */
    public static byte[] docxBomb(int megabytes) {
        byte[] real = docx("Bomb", "Nobody", List.of("Harmless"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(real));
             ByteArrayOutputStream buffer = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
                            + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                            .getBytes(UTF_8));
                    byte[] chunk = "a".repeat(1 << 20).getBytes(UTF_8);
                    for (int i = 0; i < megabytes; i++) {
                        out.write(chunk);
                    }
                    out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.finish();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ODT (OpenDocument text) written by hand: the stored mimetype first, manifest, content and meta. */
    public static byte[] odt(String title, List<String> paragraphs) {
        try (ByteArrayOutputStream buffer = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(buffer)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(UTF_8);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            out.putNextEntry(first);
            out.write(mimetype);
            out.closeEntry();
            entry(out, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                     <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>""");
            StringBuilder body = new StringBuilder();
            for (String paragraph : paragraphs) {
                body.append("<text:p>").append(paragraph).append("</text:p>");
            }
            entry(out, "content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                    <office:body><office:text>""" + body + "</office:text></office:body></office:document-content>");
            entry(out, "meta.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">
                    <office:meta><dc:title>""" + title + "</dc:title></office:meta></office:document-meta>");
            out.finish();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(UTF_8));
        out.closeEntry();
    }

    /** An RTF document written by hand, with a title and an author in its info group. */
    public static byte[] rtf(String title, String author, List<String> paragraphs) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}{\\info{\\title ")
                .append(title).append("}{\\author ").append(author).append("}}\n");
        for (String paragraph : paragraphs) {
            rtf.append("\\pard ").append(paragraph).append("\\par\n");
        }
        return rtf.append("}").toString().getBytes(UTF_8);
    }

    /** A plain-text e-mail (RFC 5322) from a sender, with a subject and a date. */
    public static byte[] eml(String from, String subject, String body) {
        return ("From: " + from + "\r\nTo: Inquiry Desk <desk@example.org>\r\nSubject: " + subject
                + "\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n")
                .getBytes(UTF_8);
    }
}
