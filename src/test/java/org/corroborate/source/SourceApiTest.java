package org.corroborate.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@WorkbenchTest
class SourceApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SourceRepository repository;

    private String body(Object value) {
        return json.writeValueAsString(value);
    }

    @Test
    void importsJsonTextAndReportsLengthInCodePoints() throws Exception {
        String text = "Still on bottled water 💧 day 40\r\nZoe\u0308 said so.";
        String normalised = SourceText.normalise(text);
        mvc.perform(post("/api/sources").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(java.util.Map.of("title", "Post", "text", text, "publisher", "Vale Voice",
                                "published", "2025-04-02", "url", "https://example.org/p"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/sources/")))
                .andExpect(jsonPath("$.title").value("Post"))
                .andExpect(jsonPath("$.importedBy").value("alice"))
                .andExpect(jsonPath("$.published").value("2025-04-02"))
                .andExpect(jsonPath("$.sha256").value(SourceText.sha256(normalised)))
                .andExpect(jsonPath("$.length").value(normalised.codePointCount(0, normalised.length())));
    }

    @Test
    void returnsTheStoredTextExactlyAsNormalised() throws Exception {
        String text = "<script>alert('x')</script>\r\nCafe\u0301";
        String location = mvc.perform(post("/api/sources").with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(java.util.Map.of("text", text))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).with(httpBasic("carol", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(SourceText.normalise(text)))
                .andExpect(jsonPath("$.title").value(containsString("<script>")));
    }

    @Test
    void reportsAReimportOfIdenticalContentAsDuplicate() throws Exception {
        String text = "Same words twice";
        var request = post("/api/sources").with(httpBasic("alice", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body(java.util.Map.of("text", text)));
        mvc.perform(request).andExpect(status().isCreated());
        long before = repository.count();
        mvc.perform(post("/api/sources").with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(java.util.Map.of("text", text.replace("\n", "\r\n"), "title", "Other"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("duplicate"))
                .andExpect(jsonPath("$.details.existing.sha256").value(SourceText.sha256(text)));
        org.assertj.core.api.Assertions.assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void importsSeveralFilesAtOnce() throws Exception {
        mvc.perform(multipart("/api/sources").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo"))
                        .file(new MockMultipartFile("file", "one.txt", "text/plain", "One of two files".getBytes(UTF_8)))
                        .file(new MockMultipartFile("file", "two.md", "text/markdown",
                                ("---\ntitle: Two\n---\n" + "Two of two files").getBytes(UTF_8))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.results[*].source.title", hasItem("Two")))
                .andExpect(jsonPath("$.results[*].fileName", hasItem("one.txt")));
    }

    @Test
    void storesNothingWhenOneFileOfSeveralIsBad() throws Exception {
        long before = repository.count();
        mvc.perform(multipart("/api/sources").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo"))
                        .file(new MockMultipartFile("file", "good.txt", "text/plain", "A good file beside a bad one".getBytes(UTF_8)))
                        .file(new MockMultipartFile("file", "bad.md", "text/markdown",
                                "---\nsource: nowhere\n---\nText".getBytes(UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_input"))
                .andExpect(jsonPath("$.message").value(containsString("'bad.md', line 2")));
        org.assertj.core.api.Assertions.assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void refusesBadInputWithAClearMessageAndStoresNothing() throws Exception {
        long before = repository.count();
        mvc.perform(multipart("/api/sources").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo"))
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", new byte[] {1, 2, 3})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("not a supported file type")));
        mvc.perform(multipart("/api/sources").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo"))
                        .file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("is empty")));
        mvc.perform(post("/api/sources").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"No text\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'text' is required")));
        mvc.perform(post("/api/sources").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_input"));
        mvc.perform(post("/api/sources").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(java.util.Map.of("text", "A text with a bad date", "published", "yesterday"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'published' must be a date")));
        org.assertj.core.api.Assertions.assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void refusesFilesOverTheSizeLimitWith413() throws Exception {
        byte[] big = "a".repeat(65 * 1024).getBytes(UTF_8);
        mvc.perform(multipart("/api/sources").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo"))
                        .file(new MockMultipartFile("file", "big.txt", "text/plain", big)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("too_large"))
                .andExpect(jsonPath("$.message").value(containsString("'big.txt'")));
        mvc.perform(post("/api/sources").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(java.util.Map.of("text", new String(big, UTF_8)))))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void listsSourcesWithMetadataAndHashWithoutText() throws Exception {
        mvc.perform(get("/api/sources").with(httpBasic("carol", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].originFileName", hasItem("03-ellsworth-residents.md")))
                .andExpect(jsonPath("$[0].sha256").isString())
                .andExpect(jsonPath("$[0].length").isNumber())
                .andExpect(jsonPath("$[0].text").doesNotExist());
    }

    @Test
    void answersUnknownSourceWith404() throws Exception {
        mvc.perform(get("/api/sources/987654").with(httpBasic("carol", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void requiresAuthentication() throws Exception {
        mvc.perform(get("/api/sources"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/api/sources").with(httpBasic("alice", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/sources").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void publishesItsOpenApiDescriptionWithBasicAuthentication() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/sources']").exists())
                .andExpect(jsonPath("$.paths['/api/annotations/{id}']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
    }
}
