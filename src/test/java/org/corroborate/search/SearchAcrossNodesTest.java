package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            assertThat(nodes.bean(0, SearchEngine.class).name()).isEqualTo("postgres");
            assertThat(nodes.bean(1, SearchEngine.class).name()).isEqualTo("postgres");
            HttpApi a = new HttpApi(nodes.port(0));
            SearchEngine b = nodes.bean(1, SearchEngine.class);
            String word = "nodes7" + UUID.randomUUID().toString().substring(0, 6);
            SearchScope sam = new SearchScope("sam", List.of(new SearchScope.ProjectScope(TestProjects.MAIN, Set.of())));
            SearchRequest all = new SearchRequest(word, null, null, null, null, null, null, null, null, null, null,
                    null, 0, 20);
            LongSupplier onB = () -> b.search(new QueryNode.Term(word), all, sam).total();
            assertThat(onB.getAsLong()).isZero();

            long source = a.send("sam", "POST", "/api/sources", Map.of("title", "Imported on A",
                    "text", "Only node A saw " + word + " arrive.", "project", TestProjects.MAIN))
                    .expectOk("import on A").id("id");
            assertThat(seconds(() -> onB.getAsLong() == 1)).isLessThan(WITHIN.toSeconds());

            var created = a.send("alice", "POST", "/api/sources/" + source + "/annotations",
                    Map.of("start", 0, "end", 4, "label", "FACT", "note", "see " + word)).expectOk("annotate on A");
            assertThat(seconds(() -> onB.getAsLong() == 2)).isLessThan(WITHIN.toSeconds());
            var hit = b.search(new QueryNode.Term(word), new SearchRequest(word, SearchKind.ANNOTATION, null, null,
                    null, null, null, null, null, null, null, null, 0, 20), sam).hits().getFirst();
            assertThat(hit.annotation().id()).isEqualTo(created.id("id"));
            assertThat(hit.annotation().author()).isEqualTo("alice");

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
