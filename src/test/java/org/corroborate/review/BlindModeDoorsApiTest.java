package org.corroborate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import org.corroborate.base.Role;
import java.util.Set;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, item 7: blind mode covers the gold layer, decisions and everything derived from
 * colleagues' work. On a blind source, bob has annotated and submitted and judged alice's
 * annotation; sam has accepted alice's annotation (reason naming bob) and rejected bob's. alice
 * has not submitted: no door of the API shows her the gold layer, a decision, a supervisor's
 * reason, bob's verdict or bob's work. After she submits, every door shows them. sam sees all
 * throughout. (Before the fix, alice read the decision on her own annotation, with sam's reason,
 * and the gold span it put in, through the decisions, the gold layer, the gold export, bob's
 * verdict on her annotation and its timeline.)
 */
@WorkbenchTest
class BlindModeDoorsApiTest {

    private static final String TEXT = "Blind doors: the mayor said the reservoir was safe, the engineer "
            + "said it leaked for a decade.";
    private static final List<String> FORMATS = List.of("jsonl", "brat", "conll", "w3c", "csv");
    /** What alice may not read before she submits: bob's note, his verdict's comment, sam's reasons. */
    private static final List<String> SECRETS = List.of("bob-note-zq", "bob-doubts-zq", "sam-reason-zq",
            "sam-rejects-zq");

    @Autowired MockMvc mvc;
    @Autowired org.corroborate.annotation.AnnotationService annotations;
    @Autowired org.corroborate.base.CurrentActor actor;
    @Autowired JsonMapper json;

    Api api;
    Corpus corpus;
    long source;
    long alices;
    long bobs;
    long verdict;
    long acceptance;

    @BeforeEach
    void blindSourceJudged() throws Exception {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
    }

    /** The scenario of the class, on a source of the given variant of {@link #TEXT}. */
    private void scenario(String variant) throws Exception {
        String text = variant + " " + TEXT;
        source = corpus.source("Blind doors " + variant, text);
        api.put("sam", "/api/sources/" + source + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        alices = corpus.annotate("alice", source, text, "the mayor said", "QUOTE", Map.of(), "alice-note");
        bobs = corpus.annotate("bob", source, text, "it leaked for a decade", "ALLEGATION", Map.of(), "bob-note-zq");
        api.post("bob", "/api/sources/" + source + "/submit", null).andExpect(status().isOk());
        verdict = api.id(api.put("bob", "/api/annotations/" + alices + "/assessment",
                Map.of("verdict", "DISAGREE", "comment", "bob-doubts-zq")).andExpect(status().isOk()));
        acceptance = corpus.decide(source, List.of(alices), "ACCEPTED", null, "sam-reason-zq: bob agrees");
        corpus.decide(source, List.of(bobs), "REJECTED", null, "sam-rejects-zq");
    }

    @Test
    void beforeSubmittingAReviewerReadsNoGoldNoDecisionAndNothingOfColleaguesThroughAnyDoor() throws Exception {
        scenario("Before");
        for (String reviewer : List.of("alice", "carol")) {
            hidden(reviewer);
        }
        // The supervisor is not blind.
        api.get("sam", "/api/sources/" + source + "/decisions").andExpect(jsonPath("$.length()").value(2));
        api.get("sam", "/api/sources/" + source + "/annotations?layer=gold").andExpect(jsonPath("$.length()").value(1));
        api.get("sam", "/api/annotations/" + alices + "/assessments").andExpect(jsonPath("$.length()").value(1));
        assertThat(export("sam", "jsonl", "gold")).contains("sam-reason-zq");
        assertThat(export("sam", "jsonl", "all")).contains("sam-rejects-zq", "bob-note-zq", "\"bob\":\"DISAGREE\"");
    }

    @Test
    void deletingHerOwnAnnotationDoesNotHandHerAColleaguesVerdictThroughTheAuditTrail() throws Exception {
        scenario("Deleting");
        String text = "Deleting " + TEXT;
        long hers = corpus.annotate("alice", source, text, "the engineer", "FACT", Map.of(), null);
        api.put("bob", "/api/annotations/" + hers + "/assessment", Map.of("verdict", "AGREE", "comment",
                "bob-agrees-zq")).andExpect(status().isOk());
        api.delete("alice", "/api/annotations/" + hers + "?version=0").andExpect(status().isNoContent());
        for (String path : List.of("/api/audit?source=" + source + "&size=500",
                "/api/audit/export?format=jsonl&source=" + source)) {
            String seen = api.get("alice", path).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(seen).as(path).doesNotContain("bob-agrees-zq").doesNotContain(SECRETS);
        }
        // The supervisor reads it, recorded as the workbench's doing, with who deleted the annotation.
        JsonNode removed = api.read(api.get("sam", "/api/audit?action=assessment.removed&source=" + source))
                .get("events").get(0);
        assertThat(removed.get("actor").asString()).isEqualTo("system");
        assertThat(removed.get("reason").asString()).contains("deleted by alice");
    }

    @Test
    void attributeSuggestionsLeaveOutColleaguesValuesOnBlindSourcesNotYetSubmitted() throws Exception {
        scenario("Suggesting");
        String text = "Suggesting " + TEXT;
        corpus.annotate("bob", source, text, "the engineer", "ALLEGATION",
                Map.of("allegedBy", "Zq Hidden Accuser"), null);
        long open = corpus.source("Suggestions elsewhere", "Suggestions elsewhere: the council met on Monday.");
        Set<String> alices = actor.runAs("alice", Role.REVIEWER, () -> annotations.suggestions(open, "allegedBy"));
        assertThat(alices).doesNotContain("Zq Hidden Accuser");
        Set<String> sams = actor.runAs("sam", Role.SUPERVISOR, () -> annotations.suggestions(open, "allegedBy"));
        assertThat(sams).contains("Zq Hidden Accuser");
    }

    /** Every door, as a reviewer of the project who has not submitted the blind source. */
    private void hidden(String reviewer) throws Exception {
        String s = "/api/sources/" + source;
        api.get(reviewer, s + "/annotations").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.author == 'bob')]").isEmpty());
        api.get(reviewer, s + "/annotations?layer=gold").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        api.get(reviewer, s + "/decisions").andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        api.get(reviewer, s + "/status").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.reviewer == 'bob')]").isEmpty());
        api.get(reviewer, s + "/units").andExpect(status().isForbidden());
        api.get(reviewer, "/api/agreement?project=" + TestProjects.MAIN + "&source=" + source).andExpect(status().isForbidden());
        api.get(reviewer, "/api/annotations/" + bobs).andExpect(status().isNotFound());
        api.get(reviewer, "/api/annotations/" + bobs + "/history").andExpect(status().isNotFound());
        api.get(reviewer, "/api/audit/Annotation/" + bobs + "/timeline").andExpect(status().isNotFound());
        // 403 for a reviewer only; 404 for carol, who supervises another project (an entity she may not see).
        api.get(reviewer, "/api/audit/Decision/" + acceptance + "/timeline")
                .andExpect(status().is(reviewer.equals("carol") ? 404 : 403));
        api.get(reviewer, "/api/audit/Assessment/" + verdict + "/timeline").andExpect(status().isNotFound());
        String trail = api.get(reviewer, "/api/audit?source=" + source + "&size=500").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(trail).doesNotContain(SECRETS);
        for (JsonNode event : api.read(api.get(reviewer, "/api/audit?source=" + source + "&size=500")).get("events")) {
            assertThat(event.get("actor").asString()).isEqualTo(reviewer);
        }
        if (reviewer.equals("alice")) {
            // Her own annotation opens, but not bob's verdict on it, nor what sam decided about it.
            api.get(reviewer, "/api/annotations/" + alices).andExpect(status().isOk());
            api.get(reviewer, "/api/annotations/" + alices + "/assessments").andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(0));
            String history = api.get(reviewer, "/api/annotations/" + alices + "/history").andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(history).doesNotContain(SECRETS);
            String timeline = api.get(reviewer, "/api/audit/Annotation/" + alices + "/timeline")
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(timeline).doesNotContain(SECRETS);
        }
        for (String format : FORMATS) {
            for (String layer : List.of("all", "gold", "reviewer:bob")) {
                String files = export(reviewer, format, layer);
                assertThat(files).as(format + " " + layer).doesNotContain(SECRETS).doesNotContain("DISAGREE");
                JsonNode manifest = manifest(reviewer, format, layer);
                assertThat(manifest.at("/counts/decisions").asLong()).as(format + " " + layer).isZero();
                if (!layer.equals("all")) {
                    assertThat(manifest.at("/counts/spans").asLong()).as(format + " " + layer).isZero();
                }
            }
        }
    }

    @Test
    void afterSubmittingTheReviewerReadsTheGoldLayerDecisionsAndColleaguesWork() throws Exception {
        scenario("After");
        hidden("alice");
        api.post("alice", "/api/sources/" + source + "/submit", null).andExpect(status().isOk());
        String s = "/api/sources/" + source;
        api.get("alice", s + "/annotations").andExpect(jsonPath("$.length()").value(2));
        api.get("alice", s + "/annotations?layer=gold").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reason").value("sam-reason-zq: bob agrees"));
        api.get("alice", s + "/decisions").andExpect(jsonPath("$.length()").value(2));
        api.get("alice", s + "/status").andExpect(jsonPath("$.length()").value(2));
        api.get("alice", "/api/annotations/" + bobs).andExpect(status().isOk());
        api.get("alice", "/api/annotations/" + bobs + "/history").andExpect(status().isOk());
        api.get("alice", "/api/annotations/" + alices + "/assessments").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].comment").value("bob-doubts-zq"));
        api.get("alice", "/api/audit/Assessment/" + verdict + "/timeline").andExpect(status().isOk());
        assertThat(export("alice", "jsonl", "gold")).contains("sam-reason-zq");
        assertThat(export("alice", "jsonl", "all")).contains("sam-rejects-zq", "bob-note-zq", "\"bob\":\"DISAGREE\"");
        for (String format : FORMATS) {
            assertThat(manifest("alice", format, "gold").at("/counts/spans").asLong()).as(format).isEqualTo(1);
        }
        // carol has not submitted: still blind to all of it.
        hidden("carol");
        // A supervisor who reopens alice's review closes the doors again.
        api.post("sam", s + "/reopen", Map.of("reviewer", "alice", "reason", "look again"))
                .andExpect(status().isOk());
        hidden("alice");
    }

    private String export(String who, String format, String layer) throws Exception {
        StringBuilder all = new StringBuilder();
        unzip(corpus.export(who, query(format, layer))).forEach((name, body) -> {
            if (!name.equals("manifest.json")) {
                all.append(body);
            }
        });
        return all.toString();
    }

    private JsonNode manifest(String who, String format, String layer) throws Exception {
        return json.readTree(unzip(corpus.export(who, query(format, layer))).get("manifest.json"));
    }

    private String query(String format, String layer) {
        return "format=" + format + "&layer=" + layer + "&source=" + source;
    }

    private static Map<String, String> unzip(byte[] zip) throws java.io.IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
