package org.corroborate.audit;

import org.corroborate.testing.TestProjects;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19, case 12: {@code size=500} always said {@code hasMore: false} (the service capped the
 * extra row that tells), and a huge {@code page} overflowed {@code page × size} back to page 0.
 */
@WorkbenchTest
class AuditPagingApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired CurrentActor actor;
    @Autowired SourceService sources;
    @Autowired AuditService audit;
    @Autowired JsonMapper json;

    @Test
    void aFullPageOfTheLargestSizeSaysThereIsMore() throws Exception {
        long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        // Fill the trail past one page of the largest size; each filler text is numbered by the event it makes.
        while (events < 1_002) {
            String text = "Paging filler for audit event " + (events + 1);
            actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Paging", text, null, null, null, null));
            events++;
        }
        long total = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        // The administrator reads every event (a supervisor only those of their projects).
        mvc.perform(get("/api/audit").param("size", "500").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()").value(500))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(get("/api/audit").param("size", "500").param("page", "1").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.events.length()").value(500))
                .andExpect(jsonPath("$.hasMore").value(total > 1_000));
        long last = (total - 1) / 500;
        mvc.perform(get("/api/audit").param("size", "500").param("page", String.valueOf(last))
                        .with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.events.length()").value((int) (total - last * 500)))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    /**
     * The export walks the log page by page below the last sequence number written: every event the
     * reader may read once, newest first, across pages of 1,000 (the administrator's whole log, and a
     * supervisor's projects' share of it).
     */
    @Test
    void theExportWalksEveryReadableEventOnceAcrossPages() throws Exception {
        // Counted in sam's project: tests that build scenarios in projects of their own add events he cannot read.
        while (jdbc.queryForObject("select count(*) from audit_event where project_id = ?", Long.class,
                TestProjects.MAIN) < 2_100) {
            String text = "Export paging filler " + java.util.UUID.randomUUID();
            actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Paging", text, null, null,
                    null, null));
        }
        for (String reader : new String[] {"admin", "sam"}) {
            long before = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
            var started = mvc.perform(get("/api/audit/export?format=jsonl").with(httpBasic(reader, "demo")))
                    .andReturn();
            String lines = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            java.util.List<Long> seqs = lines.lines().map(line -> json.readTree(line).get("seq").asLong())
                    .filter(seq -> seq <= before).toList();
            java.util.List<Long> expected = reader.equals("admin")
                    ? jdbc.queryForList("select seq from audit_event where seq <= ? order by seq desc", Long.class, before)
                    : searchedBySam().stream().filter(seq -> seq <= before).toList();
            org.assertj.core.api.Assertions.assertThat(seqs).as(reader).hasSizeGreaterThan(2_000)
                    .isEqualTo(expected);
        }
    }

    /** Every event sam may read, newest first, through the search, page by page. */
    private java.util.List<Long> searchedBySam() {
        java.util.List<Long> seqs = new java.util.ArrayList<>();
        java.util.List<AuditEventView> page;
        do {
            int offset = seqs.size();
            page = actor.runAs("sam", Role.SUPERVISOR, () -> audit.search(AuditFilter.NONE, offset, 501));
            page.stream().limit(500).map(AuditEventView::seq).forEach(seqs::add);
        } while (page.size() > 500);
        return seqs;
    }

    @Test
    void pagingOutOfRangeIsRefusedNotWrappedToTheFirstPage() throws Exception {
        String[][] refused = {{"2147483647", "500"}, {"4294967", "500"}, {"9999999999", "50"}, {"-1", "50"},
                {"0", "0"}, {"0", "501"}, {"0", "-5"}, {"x", "50"}};
        for (String[] paging : refused) {
            mvc.perform(get("/api/audit").param("page", paging[0]).param("size", paging[1]).with(httpBasic("sam", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("bad_input"));
        }
        // Far, but within range: an empty page, not the first one.
        mvc.perform(get("/api/audit").param("page", "2000000").param("size", "500").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()").value(0))
                .andExpect(jsonPath("$.hasMore").value(false));
    }
}
