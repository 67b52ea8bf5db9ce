package org.corroborate.browser;

import org.corroborate.testing.TestProjects;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor downloads an export with its manifest while a bar shows progress, and imports a corpus. */
class ExchangeBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    @Test
    void aSupervisorExportsOneSourceAsConllAndImportsACorpus(@TempDir Path files) throws Exception {
        String tag = "kittiwake";
        String title = "Exchange walk " + tag;
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, title,
                "The mayor said the water is safe. It was not. " + tag, null, null, null, null)).source().id();
        actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 9, "FACT", Map.of(), null)));
        actor.runAs("bob", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(15, 32, "QUOTE", Map.of("speaker", "The mayor"), null)));

        signIn(page, "sam");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Exchange")).click();
        page.locator("#export-format").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("CoNLL")).click();
        assertThat(page.locator("#export-format")).containsText("one file per annotator");
        page.locator("#export-sources input").click();
        page.locator("#export-sources input").pressSequentially(tag);
        page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText(title)).click();
        page.keyboard().press("Escape");
        Download download = page.waitForDownload(() -> page.locator("#export-download vaadin-button").click());
        assertThat(download.suggestedFilename()).matches("corroborate-all-conll-\\d{8}-\\d{6}\\.zip");
        Map<String, String> entries = unzip(Files.readAllBytes(download.path()));
        assertThat(entries).containsKeys("alice.conll", "bob.conll", "manifest.json");
        assertThat(entries.get("alice.conll")).contains("mayor -X- _ B-FACT");
        assertThat(entries.get("bob.conll")).contains("the -X- _ B-QUOTE", "safe -X- _ I-QUOTE");
        assertThat(page.locator("#export-progress-text")).hasText("Done: 1 source, 2 spans.");
        assertThat(page.locator("#export-result")).containsText("Every span is in the export as the workbench holds it.");
        page.setViewportSize(1280, 1000); // tall enough to show the progress and the result
        page.evaluate("window.scrollTo(0, 0)");
        screenshot(page, "exchange-export");

        String text = "Imported through the page 💧 " + tag;
        Path good = files.resolve("doccano.jsonl");
        Files.writeString(good, "{\"text\": \"" + text + "\", \"label\": [[0, 8, \"FACT\"]]}\n");
        page.locator("#corpus-upload input[type=file]").setInputFiles(good);
        assertThat(page.locator("#import-report")).containsText("Imported doccano.jsonl: 1 new source (0 already "
                + "here), 1 span (0 already here), 0 verdicts, 0 decisions, 0 review statuses, 0 relations (0 already "
                + "here) and 0 claims (0 already here).");

        Path bad = files.resolve("bad.jsonl");
        Files.writeString(bad, "{\"text\": \"Fine " + tag + "\"}\n{\"text\": \"Cut off");
        page.locator("#corpus-upload input[type=file]").setInputFiles(bad);
        assertThat(page.locator("#import-report")).containsText("Nothing was imported from bad.jsonl. bad.jsonl, "
                + "line 2: not JSON");
        page.evaluate("window.scrollTo(0, 0)");
        screenshot(page, "exchange-import");
    }

    @Test
    void theReportsSayWhatAnExportWroteOtherwiseAndWhatAnImportDidNotRead(@TempDir Path files) throws Exception {
        String tag = "guillemot";
        String title = "Split report " + tag;
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, title,
                "The pier was closed\non Monday. " + tag, null, null, null, null)).source().id();
        actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 29, "FACT", Map.of(), null)));

        signIn(page, "sam");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Exchange")).click();
        page.locator("#export-format").click();
        // The import's format select lists brat too: pick the export's.
        page.locator("#export-format vaadin-select-item", new Page.LocatorOptions().setHasText("brat")).click();
        page.locator("#export-sources input").click();
        page.locator("#export-sources input").pressSequentially(tag);
        page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText(title)).click();
        page.keyboard().press("Escape");
        Download download = page.waitForDownload(() -> page.locator("#export-download vaadin-button").click());
        assertThat(unzip(Files.readAllBytes(download.path())).get("source-" + sourceId + ".ann"))
                .contains("FACT 4 19;20 29\tpier was closed on Monday");
        assertThat(page.locator("#export-adjusted")).containsText("1 span: written in fragments around line breaks");

        Path doccano = files.resolve("relations.jsonl");
        Files.writeString(doccano, "{\"text\": \"Relations are reported " + tag + "\", \"entities\": [{\"id\": 1, "
                + "\"start_offset\": 0, \"end_offset\": 9, \"label\": \"FACT\"}], \"relations\": [], \"cats\": {}}\n");
        page.locator("#corpus-upload input[type=file]").setInputFiles(doccano);
        assertThat(page.locator("#import-report")).containsText("Ignored or read otherwise");
        // doccano's entity ids and relations are read (issue 15); its text categories are not.
        assertThat(page.locator("#import-report")).containsText("'cats' (doccano's text categories");
        assertThat(page.locator("#import-report")).containsText("0 relations (0 already here)");
        assertThat(page.locator("#import-report")).not().containsText("'relations'");
        assertThat(page.locator("#import-report")).not().containsText("'entities.id'");
        page.setViewportSize(1440, 1100);
        page.evaluate("window.scrollTo(0, 0)");
        screenshot(page, "exchange-reports-1440");
        page.setViewportSize(390, 1600);
        screenshot(page, "exchange-reports-390");
    }

    @Test
    void aCorpusOverTheLimitIsRefusedByTheServerWhenThePageSendsItAnyway(@TempDir Path files) throws Exception {
        // One byte over the import limit (8 MiB in the test workbench).
        Path huge = files.resolve("huge.jsonl");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(8L * 1024 * 1024 + 1); // sparse: costs no disk and no memory here
        }
        int before = actor.runAs("sam", Role.SUPERVISOR, () -> sources.list()).size();
        signIn(page, "sam");
        page.navigate(url("/exchange"));
        // The browser's own size check is a convenience: switch it off, as a hostile client would.
        page.locator("#corpus-upload").evaluate("upload => upload.maxFileSize = Infinity");
        page.locator("#corpus-upload input[type=file]").setInputFiles(huge);
        assertThat(page.locator("#import-report")).containsText("Nothing was imported from huge.jsonl. The upload "
                + "is larger than this workbench imports at once (8 MiB); split the corpus or raise "
                + "workbench.exchange.max-import-size.");
        assertThat(actor.runAs("sam", Role.SUPERVISOR, () -> sources.list())).hasSize(before);
    }

    @Test
    void reviewersExportTheirWorkButCannotImport() {
        signIn(page, "alice");
        page.navigate(url("/exchange"));
        assertThat(page.locator("#export-download")).isVisible();
        assertThat(page.locator("#corpus-upload")).hasCount(0);
        assertThat(page.locator(".cb-exchange-card").nth(1)).containsText("Supervisors and administrators import");
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
