package org.corroborate.audit;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail over HTTP: who may read what, verification, export, and an annotation's history. */
@WorkbenchTest
class AuditApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    /** A source of {@code text} imported by {@code user}, titled as a spreadsheet formula. */
    private long importAs(String user, String text) throws Exception {
        String body = mvc.perform(post("/api/sources").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "=cmd|' /C calc'!A0",
                                "text", text, "project", TestProjects.MAIN))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void supervisorsSearchEverythingAndReviewersOnlyTheirOwn() throws Exception {
        long source = importAs("carol", "Audit API: carol imported this.");
        mvc.perform(get("/api/audit").param("source", String.valueOf(source)).with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].action").value("source.imported"))
                .andExpect(jsonPath("$.events[0].actor").value("carol"))
                .andExpect(jsonPath("$.events[0].after.sha256").isString())
                .andExpect(jsonPath("$.events[0].hash").isString());
        mvc.perform(get("/api/audit").param("size", "100").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].actor", everyItem(is("bob"))));
        mvc.perform(get("/api/audit").param("actor", "carol").with(httpBasic("bob", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit").param("from", "yesterday").with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit").param("size", "5000").with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlySupervisorsAndAdministratorsVerifyTheChain() throws Exception {
        importAs("alice", "Audit API: alice imported this before the verification.");
        mvc.perform(get("/api/audit/verify").with(httpBasic("alice", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verify").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.events").isNumber())
                .andExpect(jsonPath("$.head").isString());
    }

    @Test
    void exportsTheFilteredLogAsCsvWithoutFormulasAndAsJsonLines() throws Exception {
        long source = importAs("alice", "Audit API: alice imported this to export its log.");
        String csv = download("/api/audit/export?format=csv&source=" + source);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("seq,occurred_at,actor,action");
        assertThat(csv).contains("source.imported");
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("source.imported");
            assertThat(r.get("after")).contains("=cmd|");
            r.toList().forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("@"));
        });
        assertThat(org.corroborate.base.SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")")).startsWith("'=");
        assertThat(org.corroborate.base.SpreadsheetSafe.cell("-2+3")).isEqualTo("'-2+3");
        String jsonl = download("/api/audit/export?format=jsonl&source=" + source);
        assertThat(jsonl.lines()).singleElement()
                .satisfies(line -> assertThat(json.readTree(line).get("action").asString()).isEqualTo("source.imported"));
        mvc.perform(get("/api/audit/export").param("format", "xml").with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAnnotationsHistoryShowsEveryStateWithActorAndReason() throws Exception {
        long source = importAs("admin", "Audit API: the history of an annotation.");
        String created = mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"start\":0,\"end\":5,\"label\":\"FACT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(put("/api/annotations/" + id).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"label\":\"QUOTE\",\"reason\":\"It is in quotation marks\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/annotations/" + id + "/history").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].change").value("add"))
                .andExpect(jsonPath("$[0].state.label").value("FACT"))
                .andExpect(jsonPath("$[1].actor").value("sam"))
                .andExpect(jsonPath("$[1].reason").value("It is in quotation marks"))
                .andExpect(jsonPath("$[1].state.label").value("QUOTE"));
        mvc.perform(get("/api/audit/Annotation/" + id + "/timeline").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        // bob may see alice's annotation in a source that is not blind, so he may read its history too.
        mvc.perform(get("/api/audit/Annotation/" + id + "/timeline").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/audit/Export/jsonl/timeline").with(httpBasic("bob", "demo")))
                .andExpect(status().isForbidden());
    }

    private String download(String url) throws Exception {
        MvcResult started = mvc.perform(get(url).with(httpBasic("sam", "demo")))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
