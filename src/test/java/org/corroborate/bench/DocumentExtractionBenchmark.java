package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.corroborate.source.document.DocumentExtractor;
import org.corroborate.source.document.DocumentLimits;
import org.corroborate.source.document.DocumentType;
import org.corroborate.source.document.ExtractedDocument;
import org.corroborate.source.document.ExtractionProgress;
import org.corroborate.testing.Documents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A 300-page PDF (made with PDFBox: 40 lines of about 90 characters a page) to text with page starts,
 * through {@link DocumentExtractor} as an import runs it: the first run in a fresh JVM (Tika's parsers
 * loaded) and the median and worst of five more. Target (issue 18): under 10 s, asserted on the median
 * (the first run also loads PDFBox's classes and fonts, once per JVM). Run with
 * {@code ./workbench bench -Dtest=DocumentExtractionBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
class DocumentExtractionBenchmark {

    private static final int PAGES = 300;
    private static final int ROUNDS = 5;

    @Test
    void aThreeHundredPagePdfToText() {
        long made = System.nanoTime();
        byte[] pdf = Documents.longPdf(PAGES);
        double makeSeconds = (System.nanoTime() - made) / 1e9;
        DocumentExtractor extractor = new DocumentExtractor(new DocumentLimits(DataSize.ofMegabytes(50), 2000,
                20_000_000));

        long started = System.nanoTime();
        ExtractedDocument first = extractor.extract("long.pdf", pdf, DocumentType.PDF, ExtractionProgress.NONE);
        double firstSeconds = (System.nanoTime() - started) / 1e9;

        List<Double> seconds = new ArrayList<>();
        int[] told = new int[1];
        for (int round = 0; round < ROUNDS; round++) {
            long t = System.nanoTime();
            ExtractedDocument again = extractor.extract("long.pdf", pdf, DocumentType.PDF, (done, total) -> told[0]++);
            seconds.add((System.nanoTime() - t) / 1e9);
            assertThat(again.text()).isEqualTo(first.text());
        }
        seconds.sort(Double::compare);

        assertThat(first.pages()).isEqualTo(PAGES);
        assertThat(first.pageStarts()).hasSize(PAGES);
        String text = first.text();
        int last = text.offsetByCodePoints(0, first.pageStarts().getLast());
        assertThat(text.substring(last)).startsWith("Page " + PAGES + " line 1:");
        System.out.printf("DocumentExtractionBenchmark: %d pages, %.1f MB PDF (made in %.1f s), %,d code points of "
                        + "text; first run %.2f s; then median %.2f s, worst %.2f s of %d (target < 10 s); progress "
                        + "told %d times a run; cores %d%n",
                PAGES, pdf.length / 1e6, makeSeconds, text.codePointCount(0, text.length()), firstSeconds,
                seconds.get(ROUNDS / 2), seconds.getLast(), ROUNDS, told[0] / ROUNDS,
                Runtime.getRuntime().availableProcessors());
        // The first run also loads PDFBox's and Tika's classes and fonts, once per JVM: a server pays it on its
        // first import only. The target holds for the runs after it; the first run's figure is printed beside.
        assertThat(seconds.get(ROUNDS / 2)).isLessThan(10.0);
    }
}
