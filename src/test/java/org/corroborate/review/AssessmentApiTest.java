package org.corroborate.review;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Recording agreement: a verdict per reviewer on a colleague's annotation, changeable and audited. */
@WorkbenchTest
class AssessmentApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    Api api;
    Corpus corpus;

    @BeforeEach
    void fixture() {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
    }

    /** An ALLEGATION by {@code author} over the text's second word. */
    private long allegationBy(String author, String text) throws Exception {
        return corpus.annotate(author, corpus.source(text), 4, 11, "ALLEGATION");
    }

    private ResultActions assess(String who, long id, String body) throws Exception {
        return api.put(who, "/api/annotations/" + id + "/assessment", body);
    }

    @Test
    void aColleagueRecordsAndChangesAVerdict() throws Exception {
        long id = allegationBy("alice", "The utility hid the results, a colleague says.");
        assess("bob", id, "{\"verdict\":\"DISAGREE\",\"comment\":\"It is a fact, not an allegation\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewer").value("bob"))
                .andExpect(jsonPath("$.verdict").value("DISAGREE"));
        assess("bob", id, "{\"verdict\":\"AGREE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("AGREE"))
                .andExpect(jsonPath("$.version").value(1));
        assess("carol", id, "{\"verdict\":\"UNSURE\"}").andExpect(status().isOk());
        api.get("alice", "/api/annotations/" + id + "/assessments")
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reviewer").value("bob"));
        long bobs = api.read(api.get("alice", "/api/annotations/" + id + "/assessments")).get(0).get("id").asLong();
        api.get("sam", "/api/audit?entity=Assessment&entityId=" + bobs)
                .andExpect(jsonPath("$.events.length()").value(2))
                .andExpect(jsonPath("$.events[0].action").value("assessment.changed"))
                .andExpect(jsonPath("$.events[0].before.verdict").value("DISAGREE"))
                .andExpect(jsonPath("$.events[1].action").value("assessment.recorded"));
    }

    @Test
    void badVerdictsAreRefusedAndNobodyAssessesTheirOwnWork() throws Exception {
        long id = allegationBy("alice", "The utility hid the results, nobody else says.");
        assess("alice", id, "{\"verdict\":\"AGREE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("your own annotation")));
        assess("bob", id, "{\"verdict\":\"MAYBE\"}").andExpect(status().isBadRequest());
        assess("bob", id, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'verdict' is required")));
        assess("admin", id, "{\"verdict\":\"AGREE\"}").andExpect(status().isForbidden());
        assess("bob", 987654, "{\"verdict\":\"AGREE\"}").andExpect(status().isNotFound());
    }
}
