package org.corroborate.source;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real-world input: the five news reports in ../shared/corpus (read there, never copied into the
 * repository) import cleanly, keep their text exactly, and are recognised when imported again.
 */
@WorkbenchTest
class SharedCorpusImportTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus");

    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    @Test
    void theNewsReportsImportWithTheirTextAndHeadlineIntact() throws Exception {
        if (!Files.isDirectory(CORPUS)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI runs beside ../shared/corpus, but it is missing");
            }
            Assumptions.abort("No ../shared/corpus beside this checkout");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String expected = SourceText.normalise(new String(bytes, StandardCharsets.UTF_8));
            ImportOutcome first = actor.runAs("alice", Role.REVIEWER,
                    () -> sources.importFile(TestProjects.MAIN, file.getFileName().toString(), bytes));
            ImportOutcome again = actor.runAs("bob", Role.REVIEWER,
                    () -> sources.importFile(TestProjects.MAIN, "copy-" + file.getFileName(), bytes));
            assertThat(again.status()).isEqualTo(ImportOutcome.Status.DUPLICATE);
            assertThat(again.source().id()).isEqualTo(first.source().id());
            SourceDetails stored = actor.runAs("alice", Role.REVIEWER, () -> sources.get(first.source().id()));
            assertThat(stored.text()).isEqualTo(expected);
            assertThat(stored.source().sha256()).isEqualTo(SourceText.sha256(expected));
            assertThat(stored.source().title()).isEqualTo(expected.lines().findFirst().orElseThrow().strip());
            assertThat(stored.source().length()).isEqualTo(expected.codePointCount(0, expected.length()));
        }
    }
}
