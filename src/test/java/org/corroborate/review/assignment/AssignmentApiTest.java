package org.corroborate.review.assignment;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Supervisors assign reviewers to sources and watch progress; nobody else may. */
@WorkbenchTest
class AssignmentApiTest {

    @Autowired MockMvc mvc;

    @Test
    void supervisorsAssignReviewersAndSeeProgress() throws Exception {
        mvc.perform(put("/api/sources/1/assignment").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reviewers\": [\"alice\", \"carol\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewers.length()").value(2));
        mvc.perform(put("/api/sources/1/assignment").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reviewers\": [\"sam\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/sources/1/assignment").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reviewers\": [\"alice\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/assignments/even").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"perSource\": 2}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/assignments/even").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"perSource\": 9}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/progress").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                // The demo claims have alice at work on report 01 (she made annotations there on first run).
                .andExpect(jsonPath("$.sources[?(@.sourceId == 1)].reviewers.alice").value(hasItem("IN_PROGRESS")))
                .andExpect(jsonPath("$.reviewers[*].reviewer", hasItem("bob")));
        mvc.perform(get("/api/progress").with(httpBasic("bob", "demo"))).andExpect(status().isForbidden());
        // Only supervisors reopen, and only a submitted review, with a reason.
        mvc.perform(post("/api/sources/1/submit").header("X-Requested-With", "corroborate").with(httpBasic("carol", "demo"))).andExpect(status().isOk());
        mvc.perform(post("/api/sources/1/reopen").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reviewer\":\"carol\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/sources/1/reopen").header("X-Requested-With", "corroborate").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reviewer\":\"carol\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/sources/1/reopen").header("X-Requested-With", "corroborate").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reviewer\":\"carol\",\"reason\":\"Quotes in paragraph 3 are missing\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(get("/api/audit").param("action", "assignment.changed").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.events[0].actor").value("sam"));
    }
}
