package org.corroborate.claim.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corroborate.claim.nlp.EnglishText;
import org.corroborate.source.SourceText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passage index on its own: what it holds, how it ranks, what it leaves out, and how it recovers. */
class PassageIndexTest {

    private static final Passages PASSAGES = new Passages(new EnglishText());

    @TempDir
    Path folder;

    private PassageIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private static PassageIndex.IndexedSource source(long project, long id, String text) {
        return new PassageIndex.IndexedSource(project, id, SourceText.sha256(text), text);
    }

    private void storyCorpus() {
        index = new PassageIndex(folder, PASSAGES);
        index.add(List.of(
                source(1, 10, "Water warning in Ellsworth.\nTwelve residents were taken to hospital after drinking "
                        + "tap water on Monday, the health board said. The mayor called for calm."),
                source(1, 11, "Council under pressure.\nThe council approved a new budget for road repairs. "
                        + "Officials said the bridge on Mill Street would reopen in March."),
                source(1, 12, "Hospital admissions.\nHealth officials confirmed that 12 people were admitted to "
                        + "hospital after they drank contaminated water from the mains. Schools stayed open."),
                source(1, 13, "Sports round-up.\nThe local team won twelve matches this season and the coach "
                        + "thanked residents for their support."),
                source(2, 20, "Elsewhere, twelve residents were taken to hospital after drinking tap water.")));
    }

    @Test
    void aPassageCarryingTheSameClaimInOtherWordsRanksInTheTopFive() {
        storyCorpus();
        List<Passage> found = index.search(1, 10,
                "Twelve residents were taken to hospital after drinking tap water", "", 5);
        assertThat(found).extracting(Passage::source).contains(12L);
        Passage hit = found.stream().filter(p -> p.source() == 12).findFirst().orElseThrow();
        assertThat(hit.text()).startsWith("Health officials confirmed that 12 people");
        assertThat(hit.score()).isPositive();
        assertThat(found.getFirst().source()).isEqualTo(12L);
    }

    @Test
    void passagesOfTheOriginsOwnSourceAreLeftOut() {
        storyCorpus();
        assertThat(index.search(1, 10, "residents taken to hospital after drinking tap water", "", 50))
                .extracting(Passage::source).doesNotContain(10L);
    }

    @Test
    void passagesOfOtherProjectsAreLeftOut() {
        storyCorpus();
        assertThat(index.search(1, 10, "residents taken to hospital after drinking tap water", "", 50))
                .extracting(Passage::source).doesNotContain(20L);
        assertThat(index.search(2, 99, "residents taken to hospital", "", 50)).extracting(Passage::source)
                .containsOnly(20L);
    }

    @Test
    void passagesAreSentencesAndLinesWithCodePointOffsets() {
        index = new PassageIndex(folder, PASSAGES);
        String text = "Flood 🌊 alert.\nRain fell for 🌧 three days. Rivers rose.";
        index.add(List.of(source(1, 1, text)));
        List<Passage> found = index.search(1, 0, "rivers rose rain days flood alert", "", 10);
        assertThat(found).extracting(Passage::text)
                .containsExactlyInAnyOrder("Flood 🌊 alert.", "Rain fell for 🌧 three days.", "Rivers rose.");
        for (Passage passage : found) {
            int from = text.offsetByCodePoints(0, passage.start());
            int to = text.offsetByCodePoints(0, passage.end());
            assertThat(text.substring(from, to)).isEqualTo(passage.text());
        }
    }

    @Test
    void aPassageRepeatedInOneSourceIsGivenOnce() {
        index = new PassageIndex(folder, PASSAGES);
        index.add(List.of(source(1, 1, "The plant closed. Workers protested. The plant closed.")));
        assertThat(index.search(1, 0, "plant closed", "", 10)).hasSize(1);
    }

    @Test
    void theContextCountsLessThanTheAnnotatedWords() {
        index = new PassageIndex(folder, PASSAGES);
        index.add(List.of(source(1, 1, "The mayor resigned on Friday."), source(1, 2, "Lead pipes were replaced.")));
        List<Passage> found = index.search(1, 0, "lead pipes", "the mayor resigned while lead pipes", 10);
        assertThat(found).extracting(Passage::source).containsExactly(2L, 1L);
    }

    @Test
    void sourcesAreAddedOnceAndRememberedAcrossOpenings() {
        storyCorpus();
        index.add(List.of(source(1, 12, "Health officials confirmed that 12 people were admitted to hospital.")));
        assertThat(index.sources(1)).containsOnlyKeys(10L, 11L, 12L, 13L);
        index.close();
        index = new PassageIndex(folder, PASSAGES);
        assertThat(index.sources(1)).containsOnlyKeys(10L, 11L, 12L, 13L);
        assertThat(index.sources(2)).containsOnlyKeys(20L);
        assertThat(index.search(1, 10, "mains", "", 10)).hasSize(1);
    }

    @Test
    void aCorruptIndexIsStartedAfresh() throws IOException {
        storyCorpus();
        index.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        index = new PassageIndex(folder, PASSAGES);
        assertThat(index.sources(1)).isEmpty();
        index.add(List.of(source(1, 1, "The plant closed.")));
        assertThat(index.search(1, 0, "plant", "", 10)).hasSize(1);
    }

    @Test
    void anIndexOfAnotherFormatIsStartedAfresh() throws IOException {
        index = new PassageIndex(folder, PASSAGES);
        index.add(List.of(source(1, 1, "The plant closed.")));
        index.close();
        // An index written by another version: same files, another format stamp in the commit.
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of("corroborate.format", "passages-0").entrySet());
            writer.commit();
        }
        index = new PassageIndex(folder, PASSAGES);
        assertThat(index.sources(1)).isEmpty();
    }

    @Test
    void dropProjectForgetsOnlyThatProject() {
        storyCorpus();
        index.dropProject(1);
        assertThat(index.sources(1)).isEmpty();
        assertThat(index.sources(2)).containsOnlyKeys(20L);
        assertThat(index.search(1, 0, "hospital", "", 10)).isEmpty();
    }

    @Test
    void rebuildEmptiesTheIndex() {
        storyCorpus();
        index.rebuild();
        assertThat(index.sources(1)).isEmpty();
        assertThat(index.search(1, 0, "hospital", "", 10)).isEmpty();
    }
}
