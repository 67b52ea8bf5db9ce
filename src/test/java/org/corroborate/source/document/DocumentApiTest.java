package org.corroborate.source.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Sha256;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.Documents;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/sources} with PDF, DOCX, ODT, RTF and EML files, {@code GET /api/sources/{id}/original}
 * and {@code PATCH /api/sources/{id}}: the original kept by SHA-256 and given back byte for byte, pages
 * and file metadata on the source, hostile files refused with nothing stored, provenance edited with
 * versions, permissions and an audit row.
 */
@WorkbenchTest
class DocumentApiTest {

    private static final String RITA = "doc-rita";
    private static final String ROB = "doc-rob";
    private static final String SUE = "doc-sue";
    private static final String OUT = "doc-out";
    private static Long project;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    Api api;

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        if (project == null) {
            TestAccounts people = new TestAccounts(accounts, projects, actor);
            people.create(OUT);
            project = api.id(api.post("admin", "/api/projects", Map.of("name", "Documents test",
                    "description", "PDF and Word files")));
            people.createIn(project, RITA, Role.REVIEWER);
            people.createIn(project, ROB, Role.REVIEWER);
            people.createIn(project, SUE, Role.SUPERVISOR);
        }
    }

    private ResultActions upload(String user, String name, byte[] content, String... fields) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/sources");
        request.file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param("project", String.valueOf(project))
                .header("X-Requested-With", "corroborate");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request.with(httpBasic(user, TestAccounts.passwordOf(user))));
    }

    private long count() throws Exception {
        return api.read(api.get(SUE, "/api/sources?project=" + project)).size();
    }

    @Test
    void importsAPdfWithPagesMetadataAndItsOriginal() throws Exception {
        byte[] pdf = Documents.pdf("Inquest findings", "Coroner Hale",
                List.of("The deceased drank tap water daily.", "The lead level was 40 micrograms."));
        JsonNode source = api.read(upload(RITA, "findings.pdf", pdf).andExpect(status().isCreated()))
                .get("results").get(0).get("source");

        assertThat(source.get("title").asString()).isEqualTo("Inquest findings");
        assertThat(source.get("author").asString()).isEqualTo("Coroner Hale");
        assertThat(source.get("published").asString()).isEqualTo("2026-03-14");
        assertThat(source.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(source.get("originalSha256").asString()).isEqualTo(Sha256.hex(pdf));
        assertThat(source.get("originFileName").asString()).isEqualTo("findings.pdf");
        long id = source.get("id").asLong();

        JsonNode details = api.read(api.get(ROB, "/api/sources/" + id).andExpect(status().isOk()));
        String text = details.get("text").asString();
        List<Integer> pages = json.convertValue(details.get("pages"), json.getTypeFactory()
                .constructCollectionType(List.class, Integer.class));
        assertThat(pages).hasSize(2).first().isEqualTo(0);
        assertThat(text.substring(text.offsetByCodePoints(0, pages.get(1)))).startsWith("The lead level");
        assertThat(details.get("sha256").asString()).isEqualTo(Sha256.hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(details.get("documentMetadata").get("dc:title").asString()).isEqualTo("Inquest findings");
        assertThat(details.get("originalSize").asLong()).isEqualTo(pdf.length);

        var original = api.get(ROB, "/api/sources/" + id + "/original").andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(original.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(original.getContentType()).isEqualTo("application/pdf");
        assertThat(original.getHeader("X-Original-SHA256")).isEqualTo(Sha256.hex(pdf));
        assertThat(original.getHeader("Content-Disposition")).contains("attachment").contains("findings.pdf");
    }

    @Test
    void importsDocxOdtRtfAndEmlAndFieldsSentWinOverTheFile() throws Exception {
        JsonNode docx = api.read(upload(RITA, "letter.docx", Documents.docx("Letter", "J. Resident",
                List.of("The water tasted of metal.")), "title", "Resident's letter", "publisher", "Vale Gazette")
                .andExpect(status().isCreated())).get("results").get(0).get("source");
        assertThat(docx.get("title").asString()).isEqualTo("Resident's letter");
        assertThat(docx.get("publisher").asString()).isEqualTo("Vale Gazette");
        assertThat(docx.get("author").asString()).isEqualTo("J. Resident");
        assertThat(docx.get("pages")).isEmpty();

        for (var file : Map.of(
                "minutes.odt", Documents.odt("Minutes", List.of("Item one agreed on the pipes.")),
                "filing.rtf", Documents.rtf("Filing", "A. Clerk", List.of("The claimant relies on the report.")),
                "tip.eml", Documents.eml("Jane <jane@example.org>", "Pipes", "The pipes were lead, said Jane.")).entrySet()) {
            JsonNode source = api.read(upload(RITA, file.getKey(), file.getValue()).andExpect(status().isCreated()))
                    .get("results").get(0).get("source");
            assertThat(source.get("originalSha256").asString()).isEqualTo(Sha256.hex(file.getValue()));
            assertThat(source.get("mediaType").asString()).isNotBlank();
        }
    }

    @Test
    void refusesHostileFilesWithAClearMessageAndStoresNothing() throws Exception {
        long before = count();
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("sealed.pdf", Documents.encryptedPdf());
        hostile.put("scan.pdf", Documents.imageOnlyPdf());
        hostile.put("renamed.docx", Documents.pdf("T", "A", List.of("Words")));
        hostile.put("renamed.txt", Documents.pdf("T", "A", List.of("Words")));
        hostile.put("bomb.docx", Documents.docxBomb(30));
        hostile.put("sheet.xlsx", new byte[] {1, 2, 3});
        hostile.put("broken.pdf", java.util.Arrays.copyOf(Documents.pdf("T", "A", List.of("Words")), 300));
        for (var file : hostile.entrySet()) {
            JsonNode error = api.read(upload(RITA, file.getKey(), file.getValue()).andExpect(status().isBadRequest()));
            assertThat(error.get("error").asString()).isEqualTo("bad_input");
            assertThat(error.get("message").asString()).as(file.getKey()).contains(file.getKey());
        }
        // With a good file in the same upload: all or none.
        MockMultipartHttpServletRequestBuilder both = multipart("/api/sources");
        both.file(new MockMultipartFile("file", "good.pdf", "application/pdf", Documents.pdf("Good", "A",
                        List.of("Good words here."))))
                .file(new MockMultipartFile("file", "sealed.pdf", "application/pdf", Documents.encryptedPdf()))
                .param("project", String.valueOf(project)).header("X-Requested-With", "corroborate");
        mvc.perform(both.with(httpBasic(RITA, TestAccounts.PASSWORD))).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theOriginalIsForMembersAndOnlyWhereThereIsOne() throws Exception {
        byte[] rtf = Documents.rtf("Memo", "Clerk", List.of("A memo about members only."));
        long id = api.read(upload(RITA, "memo.rtf", rtf).andExpect(status().isCreated()))
                .get("results").get(0).get("source").get("id").asLong();
        api.get(OUT, "/api/sources/" + id + "/original").andExpect(status().isNotFound());
        api.get(SUE, "/api/sources/" + id + "/original").andExpect(status().isOk());

        long typed = api.id(api.post(RITA, "/api/sources?project=" + project,
                Map.of("title", "Typed", "text", "A text typed in, with no file.")));
        JsonNode error = api.read(api.get(RITA, "/api/sources/" + typed + "/original").andExpect(status().isNotFound()));
        assertThat(error.get("message").asString()).contains("not imported from a file");
        assertThat(api.read(api.get(RITA, "/api/sources/" + typed)).get("mediaType").isNull()).isTrue();
    }

    @Test
    void provenanceIsEditedWithVersionsByTheImporterOrASupervisorAndAudited() throws Exception {
        long id = api.id(api.post(RITA, "/api/sources?project=" + project,
                Map.of("title", "Draft title", "text", "Provenance editing text.", "author", "Someone")));
        long version = api.read(api.get(RITA, "/api/sources/" + id)).get("version").asLong();

        JsonNode edited = api.read(edit(RITA, id, Map.of("version", version, "title", "Final title",
                "published", "2026-02-01", "url", "https://example.org/a", "reason", "checked the paper"))
                .andExpect(status().isOk()));
        assertThat(edited.get("title").asString()).isEqualTo("Final title");
        assertThat(edited.get("published").asString()).isEqualTo("2026-02-01");
        assertThat(edited.get("author").asString()).isEqualTo("Someone");
        assertThat(edited.get("version").asLong()).isGreaterThan(version);

        // Stale version: 409, nothing changes.
        edit(SUE, id, Map.of("version", version, "title", "Other")).andExpect(status().isConflict());
        // Bad values: 400, nothing changes.
        edit(SUE, id, Map.of("version", edited.get("version").asLong(), "url", "javascript:alert(1)"))
                .andExpect(status().isBadRequest());
        edit(SUE, id, Map.of("version", edited.get("version").asLong(), "sha256", "00")).andExpect(status().isBadRequest());
        edit(SUE, id, Map.of("title", "No version")).andExpect(status().isBadRequest());
        // A reviewer who did not import it may not; a non-member does not see it.
        edit(ROB, id, Map.of("version", edited.get("version").asLong(), "title", "Rob's")).andExpect(status().isForbidden());
        edit(OUT, id, Map.of("version", edited.get("version").asLong(), "title", "Out")).andExpect(status().isNotFound());
        assertThat(api.read(api.get(RITA, "/api/sources/" + id)).get("title").asString()).isEqualTo("Final title");

        // A supervisor may, and a null clears a field.
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("version", edited.get("version").asLong());
        clear.put("author", null);
        assertThat(api.read(edit(SUE, id, clear).andExpect(status().isOk())).get("author").isNull()).isTrue();

        JsonNode events = api.read(api.get(SUE, "/api/audit?action=source.edited&source=" + id)
                .andExpect(status().isOk()));
        JsonNode items = events.get("events");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.toString()).contains("checked the paper").contains("Final title").contains("Draft title");
    }

    private ResultActions edit(String user, long id, Map<String, ?> body) throws Exception {
        return api.perform(user, patch("/api/sources/" + id).contentType(MediaType.APPLICATION_JSON)
                .header("X-Requested-With", "corroborate").content(json.writeValueAsString(body)));
    }
}
