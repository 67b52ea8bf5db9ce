package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the newest audit event is removed (by someone with database rights), verification reports
 * the break, and writes and exports go on: the next event links to the newest event present and is
 * flagged, and the export's manifest still names the chain's head. Runs on a database of its own.
 */
@SpringBootTest(properties = {"workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-broken-chain;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class BrokenChainTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AuditService audit;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    @Autowired ChainAppender appender;

    @Test
    void aBrokenChainIsReportedButWritesAndExportsGoOn() throws Exception {
        createSource();
        long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            jdbc.update("delete from audit_event where seq = ?", last);
        } finally {
            jdbc.execute(TruncationTest.TRIGGER);
        }
        // As after a restart: the node no longer remembers the link it last committed.
        ReflectionTestUtils.setField(appender, "committed", new AtomicReference<>());

        for (int i = 0; i < 3; i++) {
            createSource();
        }
        assertThat(jdbc.queryForObject("select after_gap from audit_event where seq = ?", Long.class, last + 1))
                .as("the first event after the break says what it links to").isEqualTo(last - 1);

        AuditVerification verification = actor.runAs("sam", Role.SUPERVISOR, audit::verify);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.brokenSeq()).isEqualTo(last + 1);
        assertThat(verification.problem()).contains("events " + last + " to " + last + " are missing")
                .contains("appended after the break").doesNotContain("Further");
        assertThat(verification.events()).as("the walk checked on past the flagged break")
                .isEqualTo(jdbc.queryForObject("select count(*) from audit_event", Long.class));
        long head = jdbc.queryForObject("select max(seq) from audit_event", Long.class);

        byte[] zip = mvc.perform(get("/api/export?format=jsonl").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode manifest = json.readTree(entry(zip, "manifest.json"));
        assertThat(manifest.get("auditChainHead").get("seq").asLong()).isEqualTo(head);
        createSource();
    }

    private void createSource() throws Exception {
        mvc.perform(post("/api/sources").with(httpBasic("alice", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"After the break\", \"text\": \"Text " + UUID.randomUUID() + "\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the export");
    }
}
