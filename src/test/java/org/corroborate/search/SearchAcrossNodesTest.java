package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestProjects;
import org.corroborate.testing.TwoNodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on several nodes: two nodes on one PostgreSQL database with the PostgreSQL engine find each
 * other's writes within seconds (in fact at once: the database is the index), and a deletion on one is
 * gone from the other; a second node with the Lucene engine is refused at start.
 */
@Tag("postgres")
class SearchAcrossNodesTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void aWriteOnNodeAIsFoundOnNodeBAndADeletionDisappears() throws Exception {
        try (TwoNodes nodes = new TwoNodes()) {
            assertThat(nodes.bean(0, SearchService.class).engineName()).isEqualTo("postgres");
            assertThat(nodes.bean(1, SearchService.class).engineName()).isEqualTo("postgres");
            HttpApi a = new HttpApi(nodes.port(0));
            HttpApi b = new HttpApi(nodes.port(1));
            String word = "nodes7" + UUID.randomUUID().toString().substring(0, 6);
            LongSupplier onB = () -> {
                try {
                    return b.send("sam", "GET", "/api/search?q=" + word, null).expectOk("search on B").id("total");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            };
            assertThat(onB.getAsLong()).isZero();

            long source = a.send("sam", "POST", "/api/sources", Map.of("title", "Imported on A",
                    "text", "Only node A saw " + word + " arrive.", "project", TestProjects.MAIN))
                    .expectOk("import on A").id("id");
            assertThat(seconds(() -> onB.getAsLong() == 1)).isLessThan(WITHIN.toSeconds());

            var created = a.send("alice", "POST", "/api/sources/" + source + "/annotations",
                    Map.of("start", 0, "end", 4, "label", "FACT", "note", "see " + word)).expectOk("annotate on A");
            assertThat(seconds(() -> onB.getAsLong() == 2)).isLessThan(WITHIN.toSeconds());
            var hit = b.send("sam", "GET", "/api/search?kind=annotation&q=" + word, null).expectOk("search on B")
                    .json().get("hits").get(0);
            assertThat(hit.get("annotation").get("id").asLong()).isEqualTo(created.id("id"));
            assertThat(hit.get("annotation").get("author").asString()).isEqualTo("alice");

            a.send("alice", "DELETE", "/api/annotations/" + created.id("id") + "?version=" + created.id("version"),
                    null).expectOk("delete on A");
            assertThat(seconds(() -> onB.getAsLong() == 1)).isLessThan(WITHIN.toSeconds());
        }
    }

    @Test
    void aSecondNodeWithTheLuceneEngineOnOneDatabaseIsRefused() {
        assertThatThrownBy(() -> new TwoNodes("--workbench.search.engine=lucene").close())
                .hasStackTraceContaining("Another node already searches this PostgreSQL database with the Lucene engine");
    }

    /** Seconds until the condition held (polling every 50 ms), or the limit and a bit when it never did. */
    private static double seconds(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long began = System.nanoTime();
        long limit = began + WITHIN.toNanos();
        while (System.nanoTime() < limit) {
            if (condition.getAsBoolean()) {
                double took = (System.nanoTime() - began) / 1e9;
                System.out.printf("search across nodes: found after %.3f s%n", took);
                return took;
            }
            Thread.sleep(50);
        }
        return WITHIN.toSeconds() + 1;
    }
}
