package org.corroborate.source.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.corroborate.base.WorkbenchException;
import org.corroborate.testing.Documents;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Text, page starts and metadata from each document format, and the refusals of hostile files. */
class DocumentExtractorTest {

    private final DocumentExtractor extractor = new DocumentExtractor(
            new DocumentLimits(DataSize.ofMegabytes(50), 2000, 20_000_000));

    @Test
    void readsEachPdfPageAndWhereItStartsInCodePoints() {
        byte[] pdf = Documents.pdf("Inquest report", "Coroner's office",
                List.of("First page words.", "Second page words.\nA second line.", "Third page."));
        List<int[]> told = new ArrayList<>();

        ExtractedDocument document = extractor.extract("report.pdf", pdf, DocumentType.PDF,
                (done, total) -> told.add(new int[] {done, total}));

        assertThat(document.mediaType()).isEqualTo("application/pdf");
        assertThat(document.pages()).isEqualTo(3);
        assertThat(document.pageStarts()).hasSize(3).first().isEqualTo(0);
        String text = document.text();
        for (int page = 0; page < 3; page++) {
            int start = text.offsetByCodePoints(0, document.pageStarts().get(page));
            assertThat(text.substring(start)).startsWith(List.of("First page", "Second page", "Third page").get(page));
        }
        assertThat(text).contains("Second page words.\nA second line.");
        assertThat(document.title()).isEqualTo("Inquest report");
        assertThat(document.author()).isEqualTo("Coroner's office");
        assertThat(document.created()).hasToString("2026-03-14");
        assertThat(told.getLast()).containsExactly(3, 3);
        assertThat(told).anySatisfy(step -> assertThat(step).containsExactly(1, 3));
    }

    @Test
    void readsDocxParagraphsAndCoreProperties() {
        byte[] docx = Documents.docx("Letter to the inquiry", "J. Resident",
                List.of("Dear panel,", "The water tasted of metal in March."));

        ExtractedDocument document = extractor.extract("letter.docx", docx, DocumentType.DOCX, ExtractionProgress.NONE);

        assertThat(document.text()).isEqualTo("Dear panel,\n\nThe water tasted of metal in March.");
        assertThat(document.pageStarts()).isEmpty();
        assertThat(document.pages()).isZero();
        assertThat(document.title()).isEqualTo("Letter to the inquiry");
        assertThat(document.author()).isEqualTo("J. Resident");
    }

    @Test
    void readsOdtRtfAndEml() {
        ExtractedDocument odt = extractor.extract("minutes.odt",
                Documents.odt("Minutes", List.of("Item one agreed.", "Item two deferred.")), DocumentType.ODT,
                ExtractionProgress.NONE);
        assertThat(odt.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(odt.text()).contains("Item one agreed.").contains("Item two deferred.");
        assertThat(odt.title()).isEqualTo("Minutes");

        ExtractedDocument rtf = extractor.extract("filing.rtf",
                Documents.rtf("Court filing", "A. Clerk", List.of("The claimant says so.", "The council denies it.")),
                DocumentType.RTF, ExtractionProgress.NONE);
        assertThat(rtf.text()).contains("The claimant says so.").contains("The council denies it.");
        assertThat(rtf.title()).isEqualTo("Court filing");
        assertThat(rtf.author()).isEqualTo("A. Clerk");

        ExtractedDocument eml = extractor.extract("tip.eml",
                Documents.eml("Jane Source <jane@example.org>", "Pipes replaced in 2019", "The pipes were lead.\nAsk the council."),
                DocumentType.EML, ExtractionProgress.NONE);
        assertThat(eml.mediaType()).isEqualTo("message/rfc822");
        assertThat(eml.text()).contains("The pipes were lead.");
        assertThat(eml.title()).isEqualTo("Pipes replaced in 2019");
        assertThat(eml.author()).contains("Jane Source");
        assertThat(eml.created()).hasToString("2026-03-03");
    }

    @Test
    void refusesAnEncryptedPdf() {
        assertRefused("sealed.pdf", Documents.encryptedPdf(), DocumentType.PDF, "encrypted");
    }

    @Test
    void refusesAScannedPdfWithoutTextLayer() {
        assertRefused("scan.pdf", Documents.imageOnlyPdf(), DocumentType.PDF, "no text layer");
    }

    @Test
    void refusesADamagedPdf() {
        byte[] pdf = Documents.pdf("T", "A", List.of("Some words"));
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        assertRefused("cut.pdf", cut, DocumentType.PDF, "damaged");
    }

    @Test
    void refusesADocxZipBomb() {
        assertRefused("bomb.docx", Documents.docxBomb(40), DocumentType.DOCX, "zip bomb");
    }

    @Test
    void refusesAFileWhoseBytesAreNotWhatItsNameSays() {
        byte[] pdf = Documents.pdf("T", "A", List.of("Some words"));
        assertRefused("renamed.docx", pdf, DocumentType.DOCX, "content is a PDF file");
        assertRefused("notes.pdf", "just some text".getBytes(), DocumentType.PDF, "plain text");
    }

    @Test
    void refusesMorePagesThanTheLimit() {
        DocumentExtractor strict = new DocumentExtractor(new DocumentLimits(DataSize.ofMegabytes(50), 2, 20_000_000));
        assertThatThrownBy(() -> strict.extract("long.pdf", Documents.longPdf(3), DocumentType.PDF,
                ExtractionProgress.NONE))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("up to 2 pages")
                .satisfies(e -> assertThat(((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.BAD_INPUT));
    }

    @Test
    void refusesMoreBytesThanTheLimitWith413() {
        DocumentExtractor strict = new DocumentExtractor(new DocumentLimits(DataSize.ofBytes(100), 2000, 20_000_000));
        assertThatThrownBy(() -> strict.extract("big.pdf", Documents.pdf("T", "A", List.of("x")), DocumentType.PDF,
                ExtractionProgress.NONE))
                .isInstanceOf(WorkbenchException.class)
                .satisfies(e -> assertThat(((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.TOO_LARGE));
    }

    @Test
    void cleaningKeepsTextInTheWorkbenchForm() {
        assertThat(DocumentExtractor.clean("  a\u0000b  \r\n\n\n\nc\u000cd e\u0301  ")).isEqualTo("ab\n\nc\nd é");
    }

    private void assertRefused(String name, byte[] content, DocumentType type, String messagePart) {
        assertThatThrownBy(() -> extractor.extract(name, content, type, ExtractionProgress.NONE))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.BAD_INPUT));
    }
}
