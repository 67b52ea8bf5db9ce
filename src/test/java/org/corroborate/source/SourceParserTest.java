package org.corroborate.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.corroborate.base.WorkbenchException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SourceParserTest {

    private static SourceDraft parse(String name, String content) {
        return SourceParser.parseFile(name, content.getBytes(UTF_8));
    }

    private static void assertRefused(String name, byte[] content, String messagePart) {
        assertThatThrownBy(() -> SourceParser.parseFile(name, content))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.BAD_INPUT);
    }

    @Nested
    class PlainText {

        @Test
        void takesTheFirstLineAsTitleWhenThereIsNoFrontMatter() {
            SourceDraft draft = parse("report.txt", "  Council admits delay\r\nThe council said on Monday…\r\n");
            assertThat(draft.title()).isEqualTo("Council admits delay");
            assertThat(draft.text()).isEqualTo("  Council admits delay\nThe council said on Monday…\n");
            assertThat(draft.originFileName()).isEqualTo("report.txt");
        }

        @Test
        void readsEveryFrontMatterKeyAndKeepsTheBodyOnly() {
            SourceDraft draft = parse("a.md", """
                    ---
                    title: "Harwick: the timeline"
                    publisher: The Northgate Observer
                    author: Felix Stroud
                    url: https://example.org/a
                    published: 2025-03-14
                    retrieved: 2026-11-01T10:00:00Z
                    language: en-GB
                    ---

                    Body line one.
                    """);
            assertThat(draft.title()).isEqualTo("Harwick: the timeline");
            assertThat(draft.publisher()).isEqualTo("The Northgate Observer");
            assertThat(draft.author()).isEqualTo("Felix Stroud");
            assertThat(draft.url()).isEqualTo("https://example.org/a");
            assertThat(draft.published()).isEqualTo(LocalDate.of(2025, 3, 14));
            assertThat(draft.retrieved()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(draft.language()).isEqualTo("en-GB");
            assertThat(draft.text()).isEqualTo("Body line one.\n");
        }

        @Test
        void stripsAByteOrderMark() {
            assertThat(parse("bom.txt", "\uFEFFTitle\nText").text()).isEqualTo("Title\nText");
        }

        @Test
        void keepsMarkupInTextFilesAsText() {
            String text = "<script>alert('x')</script> is what the page said\n";
            assertThat(parse("odd.txt", text).text()).isEqualTo(text);
        }

        @Test
        void acceptsExtensionsInAnyCase() {
            assertThat(parse("NOTES.TXT", "Hello").text()).isEqualTo("Hello");
        }

        @Test
        void dropsDirectoriesFromTheFileName() {
            assertThat(parse("../../etc/evil.txt", "Hello").originFileName()).isEqualTo("evil.txt");
        }
    }

    @Nested
    class MalformedFrontMatter {

        @Test
        void unknownKeyIsRefusedNamingTheLine() {
            assertRefused("a.md", "---\ntitle: A\ncolour: red\n---\nText".getBytes(UTF_8),
                    "'a.md', line 3: unknown front-matter key 'colour'");
        }

        @Test
        void unclosedBlockIsRefused() {
            assertRefused("a.md", "---\ntitle: A\nText without end".getBytes(UTF_8), "never closed");
        }

        @Test
        void badDateIsRefused() {
            assertRefused("a.md", "---\npublished: 14/03/2025\n---\nText".getBytes(UTF_8),
                    "'published' must be a date like 2025-03-14");
        }

        @Test
        void nonWebUrlIsRefused() {
            assertRefused("a.md", "---\nurl: javascript:alert(1)\n---\nText".getBytes(UTF_8), "'url' must be");
        }

        @Test
        void lineWithoutColonIsRefused() {
            assertRefused("a.md", "---\njust words\n---\nText".getBytes(UTF_8), "expected 'key: value'");
        }

        @Test
        void duplicateKeyIsRefused() {
            assertRefused("a.md", "---\ntitle: A\ntitle: B\n---\nText".getBytes(UTF_8), "appears twice");
        }

        @Test
        void frontMatterWithoutBodyIsRefused() {
            assertRefused("a.md", "---\ntitle: A\n---\n\n".getBytes(UTF_8), "no text after its front matter");
        }
    }

    @Nested
    class Html {

        @Test
        void extractsReadableTextAndDropsScriptsAndStyles() {
            SourceDraft draft = parse("page.html", """
                    <!doctype html><html lang="en"><head><title>Water &amp; lead</title>
                    <meta name="author" content="Maren Holloway">
                    <meta property="og:site_name" content="Vale Community Voice">
                    <meta property="article:published_time" content="2025-04-02T08:00:00+01:00">
                    <link rel="canonical" href="https://example.org/water">
                    <style>p { color: red }</style><script>steal()</script></head>
                    <body><h1>Forty days</h1><p>Residents   said <b>“no”</b>.</p>
                    <ul><li>one</li><li>two</li></ul><noscript>enable js</noscript></body></html>
                    """);
            assertThat(draft.title()).isEqualTo("Water & lead");
            assertThat(draft.author()).isEqualTo("Maren Holloway");
            assertThat(draft.publisher()).isEqualTo("Vale Community Voice");
            assertThat(draft.published()).isEqualTo(LocalDate.of(2025, 4, 2));
            assertThat(draft.url()).isEqualTo("https://example.org/water");
            assertThat(draft.language()).isEqualTo("en");
            assertThat(draft.text()).isEqualTo("Forty days\n\nResidents said “no”.\n\none\ntwo");
            assertThat(draft.text()).doesNotContain("steal", "color", "enable js");
        }

        @Test
        void pageWithoutTextIsRefused() {
            assertRefused("empty.html", "<html><body><script>x()</script></body></html>".getBytes(UTF_8),
                    "no readable text");
        }
    }

    @Nested
    class BadFiles {

        @Test
        void emptyFileIsRefused() {
            assertRefused("empty.txt", new byte[0], "'empty.txt' is empty");
        }

        @Test
        void unknownExtensionIsRefused() {
            assertRefused("scan.pdf", "%PDF-1.7".getBytes(UTF_8), "not a supported file type");
        }

        @Test
        void binaryContentIsRefused() {
            assertRefused("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, "binary");
        }

        @Test
        void nonUtf8TextIsRefused() {
            assertRefused("latin1.txt", "Café crème".getBytes(ISO_8859_1), "not UTF-8");
        }

        @Test
        void controlCharactersAreRefused() {
            assertRefused("ctl.txt", "text\u0007bell".getBytes(UTF_8), "control characters");
        }

        @Test
        void blankFileIsRefused() {
            assertRefused("blank.txt", "  \n\n ".getBytes(UTF_8), "has no text");
        }
    }
}
