package org.corroborate.review;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, case 5b (a blind source's status list showed colleagues' progress) and case 12 (a
 * colleague's hidden annotation answered 403 where an unknown id answered 404, so ids could be probed).
 */
@WorkbenchTest
class BlindModeLeaksApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    long source;
    long alices;

    /** A blind source of {@code text} where alice and bob have each annotated the first five code points. */
    private void blindSourceWithWork(String text) throws Exception {
        source = new Corpus(new Api(mvc, json)).source("Blind", text);
        mvc.perform(put("/api/sources/" + source + "/blind").with(httpBasic("sam", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"blind\":true}")).andExpect(status().isOk());
        alices = annotate("alice");
        annotate("bob");
    }

    private long annotate(String user) throws Exception {
        return json.readTree(mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"start\":0,\"end\":5,\"label\":\"FACT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    @Test
    void inABlindSourceAReviewerSeesOnlyTheirOwnStatusUntilTheySubmit() throws Exception {
        blindSourceWithWork("Blind leaks: whose status a reviewer sees.");
        mvc.perform(get("/api/sources/" + source + "/status").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reviewer").value("bob"));
        mvc.perform(get("/api/sources/" + source + "/status").with(httpBasic("carol", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/sources/" + source + "/status").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$[*].reviewer", containsInAnyOrder("alice", "bob")));
        mvc.perform(post("/api/sources/" + source + "/submit").header("X-Requested-With", "corroborate").with(httpBasic("bob", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/sources/" + source + "/status").with(httpBasic("bob", "demo")))
                .andExpect(jsonPath("$[*].reviewer", containsInAnyOrder("alice", "bob")));
    }

    @Test
    void decisionsAndTheGoldLayerDoNotShowAColleaguesHiddenAnnotation() throws Exception {
        blindSourceWithWork("Blind leaks: decisions and the gold layer.");
        // Found by the review of the merged work: a decision copies the span, label, attributes and note
        // of the annotation it rests on, and the decision list, the gold layer and the gold export showed
        // alice's hidden annotation (and its id) to a reviewer who had not submitted.
        mvc.perform(put("/api/annotations/" + alices).with(httpBasic("alice", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"note\":\"alice's secret note\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"annotationIds\":[" + alices + "],\"outcome\":\"ACCEPTED\",\"reason\":\"early\"}"))
                .andExpect(status().isCreated());
        // Issue 12: not even alice, whose annotation it rests on, reads the decision before she submits
        // (it is sam's judgement of everyone's versions); BlindModeDoorsApiTest goes through every door.
        for (String path : new String[] {"/decisions", "/annotations?layer=gold"}) {
            mvc.perform(get("/api/sources/" + source + path).with(httpBasic("carol", "demo")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
            mvc.perform(get("/api/sources/" + source + path).with(httpBasic("alice", "demo")))
                    .andExpect(jsonPath("$.length()").value(0));
            mvc.perform(get("/api/sources/" + source + path).with(httpBasic("sam", "demo")))
                    .andExpect(jsonPath("$.length()").value(1));
        }
        byte[] export = mvc.perform(get("/api/export").param("format", "jsonl").param("layer", "gold")
                        .param("source", String.valueOf(source)).with(httpBasic("carol", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(unzipped(export)).doesNotContain("alice's secret note");
        mvc.perform(post("/api/sources/" + source + "/submit").header("X-Requested-With", "corroborate")
                .with(httpBasic("carol", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/sources/" + source + "/decisions").with(httpBasic("carol", "demo")))
                .andExpect(jsonPath("$.length()").value(1));
    }

    private static String unzipped(byte[] zip) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void aHiddenAnnotationAnswersExactlyLikeOneThatDoesNotExist() throws Exception {
        blindSourceWithWork("Blind leaks: hidden or missing, the same answer.");
        long unknown = 987654321L;
        for (long id : new long[] {alices, unknown}) {
            notFound(put("/api/annotations/" + id).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\":0,\"note\":\"probe\"}"));
            notFound(delete("/api/annotations/" + id).param("version", "0"));
            notFound(put("/api/annotations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"verdict\":\"AGREE\"}"));
            notFound(get("/api/annotations/" + id + "/assessments"));
            notFound(get("/api/annotations/" + id + "/history"));
            notFound(get("/api/annotations/" + id));
        }
        // Once the source is not blind, bob sees it, and may still not change it: that is a 403.
        mvc.perform(put("/api/sources/" + source + "/blind").with(httpBasic("sam", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"blind\":false}")).andExpect(status().isOk());
        mvc.perform(put("/api/annotations/" + alices).with(httpBasic("bob", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"note\":\"probe\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/annotations/" + alices).with(httpBasic("bob", "demo")))
                .andExpect(jsonPath("$.note").doesNotExist());
    }

    private void notFound(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(httpBasic("bob", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }
}
