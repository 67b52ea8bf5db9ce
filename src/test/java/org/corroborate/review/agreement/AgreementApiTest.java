package org.corroborate.review.agreement;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/agreement: every measure's figures for a source, for supervisors only. */
@WorkbenchTest
class AgreementApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void reportsEveryMeasureForTheChosenSources() throws Exception {
        Api api = new Api(mvc, json);
        Corpus corpus = new Corpus(api);
        long source = corpus.source("Agreement digits", "0123456789".repeat(10));
        corpus.annotate("alice", source, 0, 10, "FACT");
        corpus.annotate("alice", source, 20, 30, "QUOTE");
        corpus.annotate("bob", source, 2, 10, "FACT");
        corpus.annotate("bob", source, 50, 60, "QUOTE");
        mvc.perform(get("/api/agreement").param("source", String.valueOf(source)).with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewers[0]").value("alice"))
                .andExpect(jsonPath("$.reviewers[1]").value("bob"))
                .andExpect(jsonPath("$.annotations").value(4))
                .andExpect(jsonPath("$.measures[?(@.measure == 'spanF1Overlap')].overall").value(0.5))
                .andExpect(jsonPath("$.measures[?(@.measure == 'spanF1Exact')].overall").value(0.0))
                .andExpect(jsonPath("$.measures[?(@.measure == 'cohenKappa')].pairs[0].first").value("alice"))
                .andExpect(jsonPath("$.measures[?(@.measure == 'fleissKappa')].unit").value("character"))
                .andExpect(jsonPath("$.measures[?(@.measure == 'alphaU')].overall").isNotEmpty())
                .andExpect(jsonPath("$.incompleteShare").isNumber());
        mvc.perform(get("/api/agreement").with(httpBasic("alice", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/agreement").param("source", "987654").with(httpBasic("sam", "demo")))
                .andExpect(status().isNotFound());
    }
}
