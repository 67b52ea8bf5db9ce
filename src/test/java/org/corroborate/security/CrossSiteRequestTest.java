package org.corroborate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forged writes over real HTTP: what a foreign page can make a browser send (its Origin, its
 * Sec-Fetch-Site, form bodies and empty bodies, with the browser's cached Basic credentials) is
 * refused with 403 cross_site and changes nothing; what scripts send keeps working.
 */
@WorkbenchTest
class CrossSiteRequestTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("sam:demo".getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String multipart(String title) {
        return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + title + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + title + " text\r\n--b--\r\n";
    }

    private static String json(String title) {
        return "{\"title\":\"" + title + "\",\"text\":\"" + title + " text\",\"project\":" + org.corroborate.testing.TestProjects.MAIN + "}";
    }

    @Test
    void forgedWritesAreRefusedAndChangeNothing() throws Exception {
        String tag = "Forged over HTTP"; // no other test's text contains it
        String auditBefore = send("GET", "/api/audit?action=source.imported&size=500", null, null).body();
        String exportsBefore = send("GET", "/api/audit?action=corpus.exported&size=500", null, null).body();
        List<HttpResponse<String>> forged = new ArrayList<>();
        String foreign = "http://127.0.0.1:9";
        // A form post from another origin, multipart, urlencoded and text/plain (a JSON-looking body).
        forged.add(send("POST", "/api/sources", "multipart/form-data; boundary=b", multipart(tag), "Origin", foreign));
        forged.add(send("POST", "/api/sources", "application/x-www-form-urlencoded", "title=" + tag,
                "Origin", foreign));
        forged.add(send("POST", "/api/sources", "text/plain", json(tag), "Origin", foreign,
                "Sec-Fetch-Site", "cross-site"));
        // Even a JSON post or a PUT, should a browser send one, is refused when it names a foreign origin.
        forged.add(send("POST", "/api/sources", "application/json", json(tag), "Origin", foreign));
        forged.add(send("PUT", "/api/sources/1/blind", "application/json", "{\"blind\":true}", "Origin", foreign));
        forged.add(send("POST", "/api/sources", "application/json", json(tag), "Origin", "null"));
        // No Origin (older browsers, some redirects), but Sec-Fetch-Site tells where it came from.
        forged.add(send("POST", "/api/sources", "application/json", json(tag), "Sec-Fetch-Site", "cross-site"));
        forged.add(send("POST", "/api/sources", "application/json", json(tag), "Sec-Fetch-Site", "same-site"));
        // An export records itself in the audit trail: a link or an image on another site must not start one.
        forged.add(send("GET", "/api/export?format=csv", null, null, "Sec-Fetch-Site", "cross-site"));
        forged.add(send("GET", "/api/export?format=csv", null, null, "Origin", foreign));
        // Neither header: a form body or an empty body without the custom header is refused all the same.
        forged.add(send("POST", "/api/sources", "multipart/form-data; boundary=b", multipart(tag)));
        forged.add(send("POST", "/api/sources", "text/plain", json(tag)));
        forged.add(send("POST", "/api/sources/1/submit", null, null));
        forged.add(send("POST", "/api/sources/1/reopen", "application/x-www-form-urlencoded", "reviewer=alice"));


        for (HttpResponse<String> response : forged) {
            assertThat(response.statusCode()).as(response.request().toString()).isEqualTo(403);
            assertThat(response.body()).contains("\"error\":\"cross_site\"");
        }
        assertThat(forged.getLast().body()).contains("X-Requested-With: corroborate");
        assertThat(send("GET", "/api/sources", null, null).body()).doesNotContain(tag);
        assertThat(send("GET", "/api/audit?action=source.imported&size=500", null, null).body())
                .isEqualTo(auditBefore);
        assertThat(send("GET", "/api/audit?action=corpus.exported&size=500", null, null).body())
                .isEqualTo(exportsBefore);
        CrossSiteFigures.record("forged API writes over HTTP", forged.size(),
                forged.stream().filter(r -> r.statusCode() == 403).count());
    }

    @Test
    void scriptsAndTheWorkbenchsOwnPagesKeepWriting() throws Exception {
        String tag = "Script import";
        String own = "http://localhost:" + port;
        HttpResponse<String> first = send("POST", "/api/sources", "application/json", json(tag + " a"));
        assertThat(first.statusCode()).isEqualTo(201);
        String ownSource = first.body().replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1");
        assertThat(send("POST", "/api/sources", "application/json", json(tag + " b"), "Origin", own,
                "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/sources", "multipart/form-data; boundary=b", multipart(tag + " c"),
                "X-Requested-With", "corroborate").statusCode()).isEqualTo(201);
        // A user typing the URL or a bookmark gives Sec-Fetch-Site: none.
        assertThat(send("POST", "/api/sources", "application/json", json(tag + " d"), "Sec-Fetch-Site", "none")
                .statusCode()).isEqualTo(201);
        // Reads are never refused, and a script's or the workbench's own export goes through.
        assertThat(send("GET", "/api/sources", null, null, "Origin", "http://127.0.0.1:9",
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/export?format=csv&source=" + ownSource, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/export?format=csv&source=" + ownSource, null, null, "Sec-Fetch-Site",
                "same-origin").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        assertThat(login.headers().firstValue("Content-Security-Policy")).as(login.headers().map().toString())
                .hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void originsAreComparedBySchemeHostAndPort() {
        assertThat(CrossSiteRequestFilter.normalise("HTTP://LocalHost:80")).isEqualTo("http://localhost");
        assertThat(CrossSiteRequestFilter.normalise("https://a.example:443")).isEqualTo("https://a.example");
        assertThat(CrossSiteRequestFilter.normalise("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThat(CrossSiteRequestFilter.normalise("null")).isEmpty();
    }
}
