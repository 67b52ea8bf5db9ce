package org.corroborate.review;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Recording agreement: a verdict per reviewer on a colleague's annotation, changeable and audited. */
@WorkbenchTest
class AssessmentApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private long annotationBy(String author) throws Exception {
        String source = mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("text", "The utility hid the results. "
                                + UUID.randomUUID()))))
                .andReturn().getResponse().getContentAsString();
        long sourceId = json.readTree(source).get("id").asLong();
        String created = mvc.perform(post("/api/sources/" + sourceId + "/annotations").with(httpBasic(author, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\":4,\"end\":11,\"label\":\"ALLEGATION\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    private ResultActions assess(String who, long id, String body) throws Exception {
        return mvc.perform(put("/api/annotations/" + id + "/assessment").with(httpBasic(who, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aColleagueRecordsAndChangesAVerdict() throws Exception {
        long id = annotationBy("alice");
        assess("bob", id, "{\"verdict\":\"DISAGREE\",\"comment\":\"It is a fact, not an allegation\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewer").value("bob"))
                .andExpect(jsonPath("$.verdict").value("DISAGREE"));
        assess("bob", id, "{\"verdict\":\"AGREE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("AGREE"))
                .andExpect(jsonPath("$.version").value(1));
        assess("carol", id, "{\"verdict\":\"UNSURE\"}").andExpect(status().isOk());
        mvc.perform(get("/api/annotations/" + id + "/assessments").with(httpBasic("alice", "demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reviewer").value("bob"));
        mvc.perform(get("/api/audit").param("entity", "Assessment").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.events[0].action").value("assessment.recorded"))
                .andExpect(jsonPath("$.events[1].action").value("assessment.changed"))
                .andExpect(jsonPath("$.events[1].before.verdict").value("DISAGREE"));
    }

    @Test
    void badVerdictsAreRefusedAndNobodyAssessesTheirOwnWork() throws Exception {
        long id = annotationBy("alice");
        assess("alice", id, "{\"verdict\":\"AGREE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("your own annotation")));
        assess("bob", id, "{\"verdict\":\"MAYBE\"}").andExpect(status().isBadRequest());
        assess("bob", id, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'verdict' is required")));
        assess("admin", id, "{\"verdict\":\"AGREE\"}").andExpect(status().isForbidden());
        assess("bob", 987654, "{\"verdict\":\"AGREE\"}").andExpect(status().isNotFound());
    }
}
