package org.corroborate.exchange;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Builds a small labelled corpus through the API of the test workbench, as reviewers would. */
final class CorpusFixture {

    private final MockMvc mvc;
    private final JsonMapper json;

    CorpusFixture(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    long source(String title, String text) throws Exception {
        String created = mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", title, "text", text,
                                "publisher", "The Ledger", "url", "https://example.org/story"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    /** Annotates the first occurrence of {@code quote} (offsets counted in code points). */
    long annotate(String who, long source, String text, String quote, String label, Map<String, String> attributes,
                  String note) throws Exception {
        int start = text.codePointCount(0, text.indexOf(quote));
        return annotate(who, source, start, start + quote.codePointCount(0, quote.length()), label, attributes, note);
    }

    /** Annotates [start, end) in code points, with a label only. */
    long annotate(String who, long source, int start, int end, String label) throws Exception {
        return annotate(who, source, start, end, label, Map.of(), null);
    }

    private long annotate(String who, long source, int start, int end, String label, Map<String, String> attributes,
                          String note) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start);
        body.put("end", end);
        body.put("label", label);
        body.put("attributes", attributes);
        if (note != null) {
            body.put("note", note);
        }
        String created = mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic(who, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    void assess(String who, long annotation, String verdict) throws Exception {
        mvc.perform(put("/api/annotations/" + annotation + "/assessment").with(httpBasic(who, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"" + verdict + "\"}"))
                .andExpect(status().isOk());
    }

    void decide(long source, List<Long> annotations, String outcome, Long from, String reason) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("annotationIds", annotations);
        body.put("outcome", outcome);
        if (from != null) {
            body.put("from", from);
        }
        body.put("reason", reason);
        mvc.perform(post("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    /** The export's zip, as downloaded. */
    byte[] export(String who, String query) throws Exception {
        return mvc.perform(get("/api/export?" + query).with(httpBasic(who, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
