package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index marker: when an index folder counts as current, missing or outdated. */
class IndexMarkerTest {

    @TempDir Path folder;

    @Test
    void aNewFolderHasNoMarker() {
        assertThat(IndexMarker.check(folder, "m1", "9.12.0")).isEqualTo(IndexMarker.Verdict.MISSING);
        assertThat(IndexMarker.check(folder.resolve("not-yet-made"), "m1", "9.12.0"))
                .isEqualTo(IndexMarker.Verdict.MISSING);
    }

    @Test
    void aWrittenMarkerIsCurrentForTheSameMappingAndLucene() {
        Instant built = Instant.parse("2026-12-01T10:00:00Z");
        new IndexMarker("m1", "9.12.0", 1234, built).write(folder);

        assertThat(IndexMarker.check(folder, "m1", "9.12.0")).isEqualTo(IndexMarker.Verdict.CURRENT);
        assertThat(IndexMarker.read(folder)).isEqualTo(new IndexMarker("m1", "9.12.0", 1234, built));
        assertThat(folder.resolve(IndexMarker.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void anotherMappingOrLuceneMakesItOutdated() {
        new IndexMarker("m1", "9.12.0", 1, Instant.now()).write(folder);

        assertThat(IndexMarker.check(folder, "m2", "9.12.0")).isEqualTo(IndexMarker.Verdict.MAPPING_CHANGED);
        assertThat(IndexMarker.check(folder, "m1", "10.3.0")).isEqualTo(IndexMarker.Verdict.LUCENE_CHANGED);
    }

    @Test
    void aDeletedOrDamagedMarkerCountsAsMissing() throws Exception {
        new IndexMarker("m1", "9.12.0", 1, Instant.now()).write(folder);
        IndexMarker.delete(folder);
        assertThat(IndexMarker.check(folder, "m1", "9.12.0")).isEqualTo(IndexMarker.Verdict.MISSING);

        Files.writeString(folder.resolve(IndexMarker.FILE_NAME), "documents=many\n");
        assertThat(IndexMarker.check(folder, "m1", "9.12.0")).isEqualTo(IndexMarker.Verdict.MISSING);
        Files.writeString(folder.resolve(IndexMarker.FILE_NAME),
                "mapping-version=m1\nlucene-version=9.12.0\ndocuments=many\n");
        assertThat(IndexMarker.read(folder)).isNull();
    }
}
