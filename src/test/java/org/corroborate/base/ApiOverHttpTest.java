package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API through a real server, where requests no endpoint takes must not fall through to the UI. */
@WorkbenchTest
class ApiOverHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (signedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPathsGetA404InJson() throws Exception {
        HttpResponse<String> response = send("GET", "/api/no-such-thing", true);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"not_found\"");
    }

    @Test
    void wrongMethodsGetA405NamingTheAllowedOnes() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/sources", true);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(response.body()).contains("method_not_allowed");
    }

    @Test
    void unauthenticatedCallsGetA401WithABasicChallenge() throws Exception {
        HttpResponse<String> response = send("GET", "/api/sources", false);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void theDocumentationIsPublic() throws Exception {
        HttpResponse<String> docs = send("GET", "/api/docs", false);
        assertThat(docs.statusCode()).isEqualTo(302);
        String location = docs.headers().firstValue("Location").orElseThrow();
        assertThat(send("GET", URI.create(location).getPath(), false).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/openapi", false).body()).contains("\"openapi\"");
    }
}
