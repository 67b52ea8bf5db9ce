package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents and versions as a supervisor uses them (issue 18): a PDF uploaded in the library is read
 * page by page, the workspace draws its page breaks and tells the page of the caret and of an
 * annotation, the original file downloads with the SHA-256 shown; a corrected text as a new version
 * orphans the annotation whose sentence was cut, which is then re-anchored by hand.
 */
class DocumentsBrowserTest extends BrowserTest {

    static final List<List<String>> PAGES = List.of(
            List.of("Findings of the inquest into the Ellsworth Vale water supply.", "The pumps ran all night."),
            List.of("The engineer logged a pressure drop at four in the morning.", "Nobody read the log until May."),
            List.of("The council was told in June.", "The report ends here."));

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    /** A PDF with a text layer, one page per entry of {@code pages}, made with PDFBox. */
    static byte[] pdf(List<List<String>> pages, String title, String author) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -18);
                    }
                    content.endText();
                }
            }
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setAuthor(author);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A project of its own with a supervisor (who annotates and revises), signed in on {@link #page}. */
    private long projectWithSupervisor(String name, String supervisor) {
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create(name, null)).id();
        new TestAccounts(accounts, projects, actor).createIn(project, supervisor, Role.SUPERVISOR, Role.REVIEWER);
        return project;
    }

    private void signInAs(String username) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(TestAccounts.PASSWORD);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.locator("#current-user").waitFor();
    }

    /**
     * Drags over the phrase until the text's selection is that phrase (at most three drags). The text is
     * laid out lazily, and the page breaks of a document are blocks of their own, so a drag measured
     * just before a chunk is laid out can land beside the phrase; what is checked after is the product's
     * own selection, in code points.
     */
    private void selectByDrag(String phrase) {
        for (int attempt = 0; attempt < 3; attempt++) {
            AnnotationBrowserTest.dragSelect(page, phrase);
            Object selected = page.locator("#source-text").evaluate(
                    "e => { const s = e.getTextSelection(); return s ? s.text : null; }");
            if (phrase.equals(selected)) {
                return;
            }
            page.waitForTimeout(300);
        }
        throw new AssertionError("three drags over \"" + phrase + "\" did not select it");
    }

    private Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    @Test
    void aPdfIsReadByPagesAnnotatedAndItsOriginalDownloads() {
        projectWithSupervisor("Inquest papers", "docs-sup");
        byte[] file = pdf(PAGES, "Inquest findings", "Coroner's office");
        page.setViewportSize(1440, 900);
        signInAs("docs-sup");

        page.locator("#import-sources").click();
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#source-upload vaadin-button").first().click());
        chooser.setFiles(new FilePayload("inquest.pdf", "application/pdf", file));
        assertThat(page.locator("#import-results")).containsText("Imported inquest.pdf as Inquest findings");
        screenshot(page, "documents-import-1440");
        page.locator("#import-results a").click();

        // Three pages: breaks before pages 2 and 3, drawn outside the text (its offsets stay the text's).
        assertThat(page.locator("#source-title")).hasText("Inquest findings");
        assertThat(page.locator("#source-text .cb-page-start")).hasCount(2);
        assertThat(page.locator("#source-text .cb-page-start").first()).hasAttribute("data-page", "2");
        String text = (String) page.locator("#source-text").evaluate("e => e.text");
        assertThat(page.locator("#source-text > .cb-text").evaluate("e => e.textContent")).isEqualTo(text);
        assertThat(text).doesNotContain("Page 2");
        assertThat(page.locator("#page-status")).isVisible();

        selectByDrag("a pressure drop at four in the morning");
        page.locator("#tag-FACT").click();
        assertThat(page.locator("#editor-quote")).hasText("“a pressure drop at four in the morning”");
        assertThat(page.locator("#page-status")).containsText("Selected annotation on p. 2");
        screenshot(page, "documents-workspace-1440");
        assertAccessible(page, "workspace of a PDF");

        page.locator("vaadin-tab", hasText("Provenance")).click();
        assertThat(page.locator("#original-sha256")).hasText(sha256(file));
        assertThat(page.locator("#source-original")).containsText("application/pdf");
        assertThat(page.locator("#source-original")).containsText("inquest.pdf");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#original-download").click());
        try {
            assertThat(sha256(java.nio.file.Files.readAllBytes(download.path()))).isEqualTo(sha256(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        screenshot(page, "documents-provenance-1440");
        assertAccessible(page, "provenance of a PDF");

        page.setViewportSize(390, 844);
        page.locator("vaadin-tab", hasText("Annotation")).first().click();
        screenshot(page, "documents-workspace-390");
    }

    @Test
    void aNewVersionOrphansACutSentenceWhichIsReanchoredByHand() {
        long project = projectWithSupervisor("Revised letters", "vers-sup");
        String first = "The letter was sent on Monday.\nIt said the water was safe to drink.\nIt was signed by the mayor.\n";
        long sourceId = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Letter to residents",
                first, null, null, null, null)).source().id();
        String cut = "the water was safe to drink";
        int start = first.indexOf(cut);
        AnnotationDetails kept = actor.runAs("vers-sup", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(first.indexOf("signed by the mayor"), first.indexOf("signed by the mayor") + 19,
                        "FACT", Map.of(), null)));
        AnnotationDetails orphan = actor.runAs("vers-sup", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(start, start + cut.length(), "FACT", Map.of(), null)));

        page.setViewportSize(1440, 900);
        signInAs("vers-sup");
        page.navigate(url("/sources/" + sourceId));
        page.locator("vaadin-tab", hasText("Provenance")).click();
        page.locator("#new-version").click();
        String revised = "The letter was sent on Tuesday, a day late.\nIt was signed by the mayor.\n";
        page.locator("#version-text-input textarea").fill(revised);
        page.locator("#version-note input").fill("The publisher corrected the letter");
        page.locator("#version-add-text").click();
        assertThat(page.locator("#reanchor-summary")).containsText("1 orphaned");
        assertThat(page.locator("#reanchor-orphaned")).containsText(cut);
        screenshot(page, "documents-version-report-1440");
        assertAccessible(page, "re-anchoring report");
        page.locator("#version-close-dialog").click();

        // The orphan heads the Annotation tab; select its new place and re-anchor it there by hand.
        assertThat(page.locator("vaadin-tab", hasText("Annotation")).first()).hasAttribute("selected", "");
        assertThat(page.locator("#orphaned-list")).containsText(cut);
        AnnotationBrowserTest.dragSelect(page, "sent on Tuesday");
        page.locator("#orphaned-list vaadin-button", hasText("Re-anchor to selection")).first().click();
        assertThat(page.locator("#orphaned-list")).not().containsText(cut);
        AnnotationDetails moved = actor.runAs("vers-sup", Role.REVIEWER, () -> annotations.get(orphan.id()));
        int at = revised.indexOf("sent on Tuesday");
        assertThat(List.of(moved.start(), moved.end())).isEqualTo(List.of(at, at + "sent on Tuesday".length()));
        AnnotationDetails stayed = actor.runAs("vers-sup", Role.REVIEWER, () -> annotations.get(kept.id()));
        assertThat(stayed.text()).isEqualTo("signed by the mayor");
        screenshot(page, "documents-orphans-1440");

        page.locator("vaadin-tab", hasText("Provenance")).click();
        page.locator("#read-version-1").click();
        assertThat(page.locator("#version-text")).containsText("safe to drink");
        page.setViewportSize(390, 844);
        screenshot(page, "documents-version-390");
    }
}
