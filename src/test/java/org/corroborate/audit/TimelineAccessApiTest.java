package org.corroborate.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, case 5a: a reviewer read {@code /api/audit/Export/csv/timeline} and saw supervisors'
 * exports. Reviewers now read timelines only of annotations and verdicts they may see and of their
 * own review status; other entity types are refused whatever the id, and what they may not see
 * answers 404 like what does not exist.
 */
@WorkbenchTest
class TimelineAccessApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private long source(String text) throws Exception {
        return new Corpus(new Api(mvc, json)).source("Timeline", text);
    }

    private long json(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                      String body) throws Exception {
        return json.readTree(mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString())
                .get("id").asLong();
    }

    private void timeline(String user, String path, int expected) throws Exception {
        mvc.perform(get("/api/audit/" + path + "/timeline").with(httpBasic(user, "demo")))
                .andExpect(status().is(expected));
    }

    @Test
    void reviewersNeverReadTheTimelinesOfExportsImportsAccountsSourcesOrDecisions() throws Exception {
        long source = source("Timeline access: what reviewers never read");
        // alice exports first, then sam: the old rule let whoever made the first event read them all.
        for (String user : new String[] {"alice", "sam"}) {
            mvc.perform(get("/api/export?format=csv&source=" + source).with(httpBasic(user, "demo")))
                    .andExpect(status().isOk());
        }
        for (String path : new String[] {"Export/csv", "Export/jsonl", "Import/jsonl", "Account/1", "Source/" + source,
                "Decision/1", "Nonsense/1"}) {
            mvc.perform(get("/api/audit/" + path + "/timeline").with(httpBasic("alice", "demo")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("forbidden"));
        }
        mvc.perform(get("/api/audit/Export/csv/timeline").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.actor == 'sam')]").isNotEmpty());
        timeline("sam", "Source/" + source, 200);
    }

    @Test
    void reviewersReadTheTimelinesOfWhatTheyMaySeeAndNothingElse() throws Exception {
        long source = source("Timeline access: what reviewers may see");
        long alices = json("alice", post("/api/sources/" + source + "/annotations"),
                "{\"start\":0,\"end\":8,\"label\":\"FACT\"}");
        long verdict = json("bob", put("/api/annotations/" + alices + "/assessment"), "{\"verdict\":\"AGREE\"}");
        mvc.perform(post("/api/sources/" + source + "/submit").header("X-Requested-With", "corroborate").with(httpBasic("bob", "demo"))).andExpect(status().isOk());

        // Not blind: everyone sees alice's annotation and bob's verdict on it.
        timeline("bob", "Annotation/" + alices, 200);
        timeline("carol", "Assessment/" + verdict, 200);
        // Review status: one's own only.
        timeline("bob", "ReviewStatus/" + source + ":bob", 200);
        timeline("carol", "ReviewStatus/" + source + ":bob", 404);

        mvc.perform(put("/api/sources/" + source + "/blind").with(httpBasic("sam", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"blind\":true}")).andExpect(status().isOk());
        // Blind: carol has not submitted, so alice's annotation and the verdict on it are hidden from her,
        // answered exactly as an id that does not exist.
        timeline("carol", "Annotation/" + alices, 404);
        timeline("carol", "Annotation/999999999", 404);
        timeline("carol", "Annotation/not-a-number", 404);
        timeline("carol", "Assessment/" + verdict, 404);
        timeline("carol", "Assessment/999999999", 404);
        // bob submitted, alice wrote it, sam supervises.
        timeline("bob", "Annotation/" + alices, 200);
        timeline("bob", "Assessment/" + verdict, 200);
        timeline("alice", "Annotation/" + alices, 200);
        timeline("sam", "Annotation/" + alices, 200);
        timeline("sam", "ReviewStatus/" + source + ":bob", 200);
        mvc.perform(get("/api/audit/Annotation/" + alices + "/timeline").with(httpBasic("carol", "demo")))
                .andExpect(jsonPath("$.error").value("not_found"));
    }
}
