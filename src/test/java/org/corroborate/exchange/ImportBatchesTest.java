package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A large import commits in batches: a malformed span anywhere in the file still changes nothing,
 * a refusal that only the import itself finds keeps the batches before it and the same import,
 * corrected, completes it; and a write that waits too long for a lock is a 503 "busy", not a 500.
 */
@WorkbenchTest
class ImportBatchesTest {

    @Autowired ImportService imports;
    @Autowired SourceService sources;
    @Autowired ProjectService projects;
    @Autowired AccountService accountService;
    @Autowired CurrentActor actor;
    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;

    /** A fresh project with a supervisor who imports into it. */
    private long project(String name, String importer) {
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create(name, null)).id();
        new TestAccounts(accountService, projects, actor).createIn(project, importer, Role.SUPERVISOR);
        return project;
    }

    /** Plain doccano lines, 100 spans each, the n-th text as {@code text(n)} gives it. */
    private static byte[] lines(int count, java.util.function.IntFunction<String> text, String lastLabel) {
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < count; n++) {
            out.append("{\"text\":\"").append(text.apply(n)).append("\",\"label\":[");
            for (int k = 0; k < 100; k++) {
                String label = n == count - 1 && k == 99 ? lastLabel : "FACT";
                out.append(k == 0 ? "" : ",").append('[').append(k * 10).append(',').append(k * 10 + 5)
                        .append(",\"").append(label).append("\"]");
            }
            out.append("]}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String prefix, int n) {
        return (prefix + " " + n + " " + "words to annotate, ".repeat(60)).strip();
    }

    @Test
    void aMalformedSpanFarIntoALargeFileChangesNothing() {
        long project = project("Batches refused whole", "batch-refused");
        byte[] file = lines(12, n -> text("Refused whole", n), "RUMOUR");
        assertThatThrownBy(() -> actor.runAs("batch-refused", Role.SUPERVISOR,
                () -> imports.importCorpus(project, "jsonl", "late.jsonl", file, false)))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageStartingWith("late.jsonl, line 12: Unknown label 'RUMOUR'");
        assertThat(actor.runAs("batch-refused", Role.SUPERVISOR, () -> sources.list(project))).isEmpty();
    }

    @Test
    void aFailureMidwayKeepsTheBatchesBeforeItAndTheCorrectedImportCompletesIt() {
        long project = project("Batches midway", "batch-midway");
        // The 12th text is larger than the workbench takes (64 KB here): only storing it finds that,
        // after 1,100 spans, two batches of which are committed.
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            texts.add(text("Midway", n));
        }
        String fitting = texts.get(11);
        texts.set(11, fitting + " and more words".repeat(5_000));
        byte[] broken = lines(12, texts::get, "FACT");
        assertThatThrownBy(() -> actor.runAs("batch-midway", Role.SUPERVISOR,
                () -> imports.importCorpus(project, "jsonl", "midway.jsonl", broken, false)))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("midway.jsonl, line 12").hasMessageContaining("KiB; this workbench accepts")
                .hasMessageContaining("what it imported before was kept")
                .hasMessageContaining("Import the corrected file again to complete it");
        int kept = 2 * ImportService.BATCH / 100;
        assertThat(actor.runAs("batch-midway", Role.SUPERVISOR, () -> sources.list(project))).hasSize(kept);

        texts.set(11, fitting);
        byte[] corrected = lines(12, texts::get, "FACT");
        ImportReport completed = actor.runAs("batch-midway", Role.SUPERVISOR,
                () -> imports.importCorpus(project, "jsonl", "midway.jsonl", corrected, false));
        assertThat(completed.sourcesMatched()).isEqualTo(kept);
        assertThat(completed.sourcesImported()).isEqualTo(12 - kept);
        assertThat(completed.spansUnchanged()).isEqualTo(kept * 100L);
        assertThat(completed.spansImported()).isEqualTo(1_200L - kept * 100L);
        assertThat(completed.conflicts()).isEmpty();
    }

    @Test
    void aDryRunOfALargeFileKeepsNothing() {
        long project = project("Batches dry run", "batch-dry");
        ImportReport checked = actor.runAs("batch-dry", Role.SUPERVISOR, () -> imports.importCorpus(project,
                "jsonl", "dry.jsonl", lines(12, n -> text("Dry run", n), "FACT"), true));
        assertThat(checked.spansImported()).isEqualTo(1_200L);
        assertThat(actor.runAs("batch-dry", Role.SUPERVISOR, () -> sources.list(project))).isEmpty();
    }

    @Test
    void aWriteThatWaitsTooLongForTheAuditChainIsBusyNotAnError() throws Exception {
        long project = project("Batches busy", "batch-busy");
        new TestAccounts(accountService, projects, actor).createIn(project, "batch-busy-writer", Role.REVIEWER);
        long source = actor.runAs("batch-busy", Role.SUPERVISOR, () -> sources.importText(project, "Busy",
                "A text annotated while the audit chain is held.", null, null, null, null)).source().id();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("update audit_chain_head set seq = seq where id = 1");
            mvc.perform(post("/api/sources/" + source + "/annotations")
                            .with(httpBasic("batch-busy-writer", TestAccounts.PASSWORD))
                            .contentType("application/json")
                            .content("{\"start\": 0, \"end\": 6, \"label\": \"FACT\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.error").value("busy"))
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("try again")));
            holder.rollback();
        }
        mvc.perform(post("/api/sources/" + source + "/annotations")
                        .with(httpBasic("batch-busy-writer", TestAccounts.PASSWORD))
                        .contentType("application/json")
                        .content("{\"start\": 0, \"end\": 6, \"label\": \"FACT\"}"))
                .andExpect(status().isCreated());
    }
}
