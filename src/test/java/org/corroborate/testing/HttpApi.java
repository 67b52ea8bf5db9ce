package org.corroborate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API of a running workbench, reached over HTTP as a script would, signed in as a demo account. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A JSON request (body null for none) as {@code user} (a demo account, or one a test made). */
    public Answer send(String user, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest.Builder request = request(user, path).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** A multipart upload of one text file, as {@code curl -F file=@name} sends it. */
    public Answer upload(String user, String path, String fileName, String text) throws IOException, InterruptedException {
        String boundary = "----b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Sends {@code X-Requested-With} as docs/api.md asks scripts to, for uploads and empty posts. */
    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("X-Requested-With", "corroborate")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + TestAccounts.passwordOf(user)).getBytes(StandardCharsets.UTF_8)));
    }

    private static Answer answer(HttpResponse<String> response) {
        String raw = response.body();
        JsonNode json = null;
        if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
            json = JSON.readTree(raw);
        }
        return new Answer(response.statusCode(), json, raw);
    }

    /** A response: its status, its body parsed as JSON (null if it is not JSON), and the body as sent. */
    public record Answer(int status, JsonNode json, String raw) {

        /** Whether the server acknowledged the request (2xx). */
        public boolean ok() {
            return status / 100 == 2;
        }

        /** This answer, or an AssertionError naming what was asked and answered. */
        public Answer expectOk(String what) {
            if (!ok()) {
                throw new AssertionError(what + " answered " + status + ": " + raw);
            }
            return this;
        }

        /** The number at {@code field} of the JSON body. */
        public long id(String field) {
            return json.get(field).asLong();
        }
    }
}
