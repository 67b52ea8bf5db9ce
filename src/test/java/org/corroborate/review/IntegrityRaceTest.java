package org.corroborate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Races the services' own checks cannot see, settled by the database's constraints: one winner,
 * clear 409s for the rest, never a 500, never an orphan row; and an adjudicated annotation cannot be
 * deleted. Prints its figures for the Reliability section of docs/operations.md.
 */
@WorkbenchTest
class IntegrityRaceTest {

    private static final List<String> FIGURES = new ArrayList<>();

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    @AfterAll
    static void print() {
        FIGURES.forEach(f -> System.out.println("[race figures] " + f));
    }

    @Test
    void tenIdenticalDecisionsAtOnceMakeOneDecisionAndOneGoldSpan() throws Exception {
        long source = source("Ten supervisors decided at once.");
        long annotation = annotate("alice", source);
        String body = json.writeValueAsString(Map.of("annotationIds", List.of(annotation), "outcome", "ACCEPTED",
                "reason", "Clearly a fact."));
        Map<Integer, Integer> statuses = race(10, i -> post("/api/sources/" + source + "/decisions")
                .with(httpBasic("sam", "demo")).contentType(MediaType.APPLICATION_JSON).content(body));

        assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 1).containsEntry(409, 9);
        assertThat(jdbc.queryForObject("select count(*) from decision_annotation where annotation_id = ?",
                Integer.class, annotation)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from decision where source_id = ? and outcome = 'ACCEPTED'",
                Integer.class, source)).as("gold spans").isEqualTo(1);
        FIGURES.add("identical decisions: 10 attempts, " + statuses);
    }

    @Test
    void simultaneousFirstVerdictsOfOneReviewerAnswer200Or409() throws Exception {
        long source = source("One reviewer judged it twice at once.");
        long annotation = annotate("alice", source);
        Map<Integer, Integer> statuses = race(10, i -> put("/api/annotations/" + annotation + "/assessment")
                .with(httpBasic("bob", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\": \"" + (i % 2 == 0 ? "AGREE" : "DISAGREE") + "\"}"));

        assertThat(statuses.keySet()).isSubsetOf(200, 409).contains(200);
        assertThat(jdbc.queryForObject("select count(*) from assessment where annotation_id = ?", Integer.class,
                annotation)).isEqualTo(1);
        FIGURES.add("first verdicts of one reviewer: 10 attempts, " + statuses);
    }

    @Test
    void aDeleteRacingVerdictsAndDecisionsLeavesNoOrphans() throws Exception {
        Map<Integer, Integer> all = new TreeMap<>();
        for (int round = 0; round < 8; round++) {
            long source = source("A delete raced a verdict and a decision, round " + round + ".");
            long annotation = annotate("alice", source);
            String decision = json.writeValueAsString(Map.of("annotationIds", List.of(annotation),
                    "outcome", "REJECTED", "reason", "Not a fact."));
            Map<Integer, Integer> statuses = race(3, i -> switch (i) {
                case 0 -> delete("/api/annotations/" + annotation + "?version=0").with(httpBasic("alice", "demo"));
                case 1 -> put("/api/annotations/" + annotation + "/assessment").with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"AGREE\"}");
                default -> post("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(decision);
            });
            statuses.forEach((status, n) -> all.merge(status, n, Integer::sum));
        }
        assertThat(all).doesNotContainKey(500);
        int orphanVerdicts = jdbc.queryForObject("select count(*) from assessment a where not exists "
                + "(select 1 from annotation n where n.id = a.annotation_id)", Integer.class);
        int orphanLinks = jdbc.queryForObject("select count(*) from decision_annotation d where not exists "
                + "(select 1 from annotation n where n.id = d.annotation_id)", Integer.class);
        assertThat(orphanVerdicts).isZero();
        assertThat(orphanLinks).isZero();
        FIGURES.add("delete vs verdict vs decision: 8 rounds x 3 requests, " + all + ", orphan verdicts "
                + orphanVerdicts + ", orphan decision links " + orphanLinks);
    }

    @Test
    void anAdjudicatedAnnotationCannotBeChangedOrDeletedUntilASupervisorRevisesTheDecision() throws Exception {
        long source = source("A decision held it in place.");
        long first = annotate("alice", source);
        long second = annotate("bob", source);
        String made = mvc.perform(post("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "annotationIds", List.of(first, second), "outcome", "ACCEPTED", "from", first,
                                "reason", "Both saw the fact."))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long decision = json.readTree(made).get("id").asLong();

        String refused = mvc.perform(delete("/api/annotations/" + first + "?version=0").with(httpBasic("alice", "demo")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("decision " + decision).contains("supervisor must revise");
        mvc.perform(delete("/api/annotations/" + first + "?version=0&reason=cleanup").with(httpBasic("sam", "demo")))
                .andExpect(status().isConflict());
        String moved = mvc.perform(put("/api/annotations/" + first).with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"start\":0,\"end\":5}"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(moved).contains("decision " + decision).contains("cannot be changed");
        mvc.perform(get("/api/annotations/" + first).with(httpBasic("alice", "demo")))
                .andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.start").value(0))
                .andExpect(jsonPath("$.end").value(24));

        mvc.perform(put("/api/decisions/" + decision).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "annotationIds", List.of(second), "outcome", "ACCEPTED", "from", second,
                                "reason", "Keep bob's version only.", "version", 0))))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/annotations/" + first + "?version=0").with(httpBasic("alice", "demo")))
                .andExpect(status().is2xxSuccessful());
    }

    /** A source whose text begins with "The plant closed in May" (24 code points), then {@code what}. */
    private long source(String what) throws Exception {
        return new Corpus(new Api(mvc, json)).source("Race", "The plant closed in May. " + what);
    }

    /** A FACT by {@code who} over "The plant closed in May". */
    private long annotate(String who, long source) throws Exception {
        return new Corpus(new Api(mvc, json)).annotate(who, source, 0, 24, "FACT");
    }

    /** Sends the requests all at once and counts the answers by status. */
    private Map<Integer, Integer> race(int requests, java.util.function.IntFunction<MockHttpServletRequestBuilder> build)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            MockHttpServletRequestBuilder request = build.apply(i);
            Callable<Integer> call = () -> {
                go.await();
                return mvc.perform(request).andReturn().getResponse().getStatus();
            };
            answers.add(pool.submit(call));
        }
        go.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        return statuses;
    }
}
