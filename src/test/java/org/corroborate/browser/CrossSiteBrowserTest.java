package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile page on a second local origin (127.0.0.1 on another port) attacks a browser that
 * sends the workbench's Basic credentials with every request to it, as a browser does once it
 * has used the API: form posts (multipart with a file, urlencoded) and credentialed fetches
 * (multipart, empty, text/plain, JSON). Every write is refused, and the API and the audit trail
 * show that nothing changed; the same browser on the workbench's own origin can still write.
 */
class CrossSiteBrowserTest extends BrowserTest {

    private static final String ALICE = "Basic " + Base64.getEncoder()
            .encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8));

    private HttpServer hostile;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startHostileSite() throws Exception {
        hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.start();
    }

    @AfterEach
    void stopHostileSite() {
        hostile.stop(0);
    }

    private void serve(String html) {
        hostile.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private String api(String path, String as) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", as).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aForeignPageCannotWriteWithTheBrowsersCredentials() throws Exception {
        String tag = "Planted via CSRF in a browser";
        String app = url("");
        // The browser holds alice's credentials and sends them with every request, as after using the API.
        context.setExtraHTTPHeaders(Map.of("Authorization", ALICE));

        // Control: on the workbench's own origin, the same browser writes (as a script would, with the header).
        page.navigate(url("/api/sources"));
        Object created = page.evaluate("async ([tag]) => { const fd = new FormData();"
                + " fd.append('file', new Blob([tag + ' control'], {type: 'text/plain'}), 'control.txt');"
                + " const r = await fetch('/api/sources', {method: 'POST', body: fd,"
                + " headers: {'X-Requested-With': 'corroborate'}}); return r.status; }", List.of(tag));
        assertThat(created).isEqualTo(201);

        String sam = "Basic " + Base64.getEncoder().encodeToString("sam:demo".getBytes(StandardCharsets.UTF_8));
        String alicesEventsBefore = api("/api/audit?actor=alice&size=500", sam);
        List<Response> posts = new CopyOnWriteArrayList<>();
        context.onResponse(response -> {
            if (response.url().startsWith(app + "/api/") && response.request().method().equals("POST")) {
                posts.add(response);
            }
        });

        serve("""
                <!doctype html><html><body>
                <iframe name="sink1"></iframe><iframe name="sink2"></iframe>
                <form id="multi" method="post" enctype="multipart/form-data" action="APP/api/sources" target="sink1">
                  <input type="file" name="file" id="file"></form>
                <form id="url" method="post" action="APP/api/sources/1/submit" target="sink2">
                  <input name="title" value="TAG"></form>
                <script>
                  async function attack() {
                    const dt = new DataTransfer();
                    dt.items.add(new File(['TAG form'], 'planted.txt', {type: 'text/plain'}));
                    document.getElementById('file').files = dt.files;
                    document.getElementById('multi').submit();
                    document.getElementById('url').submit();
                    const fd = new FormData();
                    fd.append('file', new Blob(['TAG fetch'], {type: 'text/plain'}), 'planted2.txt');
                    const opts = {method: 'POST', mode: 'no-cors', credentials: 'include'};
                    const results = await Promise.allSettled([
                      fetch('APP/api/sources', {...opts, body: fd}),
                      fetch('APP/api/sources/1/submit', opts),
                      fetch('APP/api/sources', {...opts, headers: {'Content-Type': 'text/plain'},
                        body: '{"title": "TAG", "text": "TAG text/plain"}'}),
                      fetch('APP/api/sources', {method: 'POST', credentials: 'include',
                        headers: {'Content-Type': 'application/json'}, body: '{"title": "TAG", "text": "TAG json"}'})
                    ]);
                    document.title = 'done ' + results.map(r => r.status).join(' ');
                  }
                  attack();
                </script></body></html>
                """.replace("APP", app).replace("TAG", tag));
        Page attacker = context.newPage();
        attacker.navigate("http://127.0.0.1:" + hostile.getAddress().getPort() + "/");
        attacker.waitForCondition(() -> attacker.title().startsWith("done") && posts.size() >= 5,
                new Page.WaitForConditionOptions().setTimeout(20_000));
        // The JSON fetch needs a CORS preflight, which the API never grants: the browser never sends it.
        assertThat(attacker.title()).endsWith("rejected");

        for (Response response : posts) {
            // The bodies of the form posts' frames are gone once the frames navigate on; the status stays.
            assertThat(response.status()).as(response.url()).isEqualTo(403);
        }
        assertThat(api("/api/sources", sam)).doesNotContain("planted").doesNotContain("\"" + tag + "\"");
        assertThat(api("/api/audit?actor=alice&size=500", sam)).isEqualTo(alicesEventsBefore);
        System.out.printf("FIGURE hostile page in a real browser: %d forged POSTs reached the server, %d refused; "
                + "1 JSON fetch stopped by the browser's preflight%n", posts.size(),
                posts.stream().filter(r -> r.status() == 403).count());
    }

    @Test
    void theLoginPageSaysWhenSignInIsPausedAfterRepeatedFailures() {
        String name = "nobody-throttled-in-the-browser";
        for (int i = 0; i < 6; i++) {
            page.navigate(url("/login"));
            page.locator("vaadin-login-form input[name='username']").fill(name);
            page.locator("vaadin-login-form input[name='password']").fill("guess " + i);
            page.locator("vaadin-login-form input[name='password']").press("Enter");
            page.waitForURL("**/login?error");
        }
        assertThat(page.locator("vaadin-login-form")).containsText("Too many failed sign-ins");
        screenshot(page, "login-throttled");
    }
}
