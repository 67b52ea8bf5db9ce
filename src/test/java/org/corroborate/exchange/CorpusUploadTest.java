package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.corroborate.WorkbenchTest;
import org.corroborate.audit.AuditService;
import org.corroborate.base.WorkbenchException;
import org.corroborate.exchange.ui.ExchangeView;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A corpus uploaded on the Exchange page is held to the same limit as over the API and refused with
 * a message, nothing stored; and imports from the page and the API run one at a time.
 */
@WorkbenchTest
@WithMockUser(username = "sam", roles = "SUPERVISOR")
class CorpusUploadTest extends SpringBrowserlessTest {

    @Autowired ImportService imports;
    @Autowired SourceService sources;
    @Autowired AuditService audit;
    @Autowired MockMvc mvc;

    private Upload upload() {
        return find(Upload.class).withId("corpus-upload").single();
    }

    private String report() {
        return find(Div.class).withId("import-report").single().getElement().getTextRecursively();
    }

    @Test
    void aCorpusOverTheLimitIsRefusedOnThePageAndNothingIsStored() {
        navigate(ExchangeView.class);
        int sourcesBefore = sources.list().size();
        long auditBefore = audit.head().seq();
        byte[] tooLarge = new byte[(int) imports.maxImportBytes() + 1];

        test(upload()).upload("big.jsonl", "application/x-ndjson", tooLarge);

        assertThat(report()).isEqualTo("Nothing was imported from big.jsonl. The upload is larger than this "
                + "workbench imports at once (8 MiB); split the corpus or raise workbench.exchange.max-import-size.");
        assertThat(sources.list()).hasSize(sourcesBefore);
        assertThat(audit.head().seq()).isEqualTo(auditBefore);
        assertThat(upload().getMaxFileSize()).isEqualTo((int) imports.maxImportBytes());
    }

    @Test
    void anUploadOnThePageWaitsForAnImportAlreadyRunningThenImports() {
        navigate(ExchangeView.class);
        int sourcesBefore = sources.list().size();
        String text = "Uploaded while another import ran";
        byte[] line = ("{\"text\": \"" + text + "\", \"label\": [[0, 8, \"FACT\"]]}\n").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> releasedWhileItWaited = releaseOnceSomeoneWaits(imports.gate().hold());

        test(upload()).upload("waited.jsonl", "application/x-ndjson", line);

        releasedWhileItWaited.join(); // fails if the upload never queued at the gate
        assertThat(report()).startsWith("Imported waited.jsonl: 1 new source (0 already here), 1 span");
        assertThat(sources.list()).hasSize(sourcesBefore + 1);
    }

    @Test
    void anImportOverTheApiWaitsForTheSameGate() throws Exception {
        String text = "Sent over the API while another import ran";
        Runnable release = imports.gate().hold();
        CompletableFuture<Integer> status;
        try {
            status = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post("/api/import").param("format", "jsonl").with(httpBasic("sam", "demo"))
                            .contentType("application/x-ndjson")
                            .content("{\"text\": \"" + text + "\"}\n")).andReturn().getResponse().getStatus();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(imports.gate()::hasWaiting);
            assertThat(status).as("the request waits at the gate").isNotDone();
        } finally {
            release.run();
        }
        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }

    /** Runs {@code release} as soon as an import waits at the gate; completes exceptionally if none does. */
    private CompletableFuture<Void> releaseOnceSomeoneWaits(Runnable release) {
        return CompletableFuture.runAsync(() -> {
            try {
                await().atMost(Duration.ofSeconds(20)).until(imports.gate()::hasWaiting);
            } finally {
                release.run();
            }
        });
    }

    @Test
    void aSecondImportThatWaitsTooLongIsRefusedAsAConflict() throws Exception {
        ImportGate gate = new ImportGate(Duration.ofMillis(100));
        Runnable release = gate.hold();
        try {
            assertThatThrownBy(() -> gate.run(() -> "second"))
                    .isInstanceOfSatisfying(WorkbenchException.class,
                            e -> assertThat(e.kind()).isEqualTo(WorkbenchException.Kind.CONFLICT))
                    .hasMessage("Another corpus import is running; try again when it has finished.");
        } finally {
            release.run();
        }
        assertThat(gate.run(() -> "after")).isEqualTo("after");
    }
}
