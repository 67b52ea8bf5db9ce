package org.corroborate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.corroborate.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, "deployable as people deploy": the packaged jar runs as two processes (node-a, node-b) on
 * one PostgreSQL database, connected as the runtime role, behind nginx configured from the sample
 * docs/deploy/nginx-two-nodes.conf (only its ports changed); a browser signs in through nginx as two
 * people who land on different nodes. Proven: both nodes start on one database, sign-in works through
 * the proxy, sessions stay on their node (the session id carries the node's route and the UI keeps
 * working over many requests, and nginx routed every one of them to its node), forwarded headers name
 * the client in the audit trail, push reaches an open workspace through the proxy's WebSocket, and the
 * nodes sign checkpoints that openssl verifies with the public key alone, as docs/operations.md says. The cross-node push (one person creates on node A,
 * the other sees it live on node B) needs the cluster bus (org.corroborate.base.cluster); without it
 * that test is skipped, with it it must pass. Runs in {@code ./workbench test} (failsafe, after the jar
 * is packaged); skipped without PostgreSQL, nginx or Chromium unless CI is set. Logs go to
 * target/two-nodes/.
 */
class TwoNodesBehindNginxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path WORK = Paths.get("target", "two-nodes");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** A demo source of the main project (found at start), which every test opens or annotates. */
    private static long SOURCE;

    private static final List<Process> processes = new ArrayList<>();
    private static int portA;
    private static int portB;
    private static int proxyPort;
    private static Playwright playwright;
    private static Browser browser;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoNodesAndNginx() throws Exception {
        Path jar = Paths.get(System.getProperty("workbench.jar", "target/workbench.jar"));
        Path nginx = Paths.get(System.getenv().getOrDefault("NGINX", "/usr/sbin/nginx"));
        Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        require(Files.isRegularFile(jar), "no packaged jar at " + jar + " (./workbench test packages it first)");
        require(Files.isExecutable(nginx), "no nginx at " + nginx + " (apt-get install nginx, or set NGINX)");
        require(Files.isExecutable(chromium), "no Chromium at " + chromium);
        TestPostgres.connect().close();
        TestPostgres.resetSchema();
        // Fresh data folders: a witness file left by an earlier run would (rightly) call the new chain a rewrite.
        for (String folder : List.of("node-a", "node-b", "nginx")) {
            org.springframework.util.FileSystemUtils.deleteRecursively(WORK.resolve(folder));
        }
        Files.createDirectories(WORK);

        portA = freePort();
        portB = freePort();
        proxyPort = freePort();
        // Both nodes sign checkpoints with one key, and verify every few seconds.
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(WORK.resolve("checkpoint-key.pem"), pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        Files.writeString(WORK.resolve("checkpoint-public.pem"), pem("PUBLIC KEY", key.getPublic().getEncoded()));
        // One after the other: the first creates the schema and the demo data, the second finds them.
        processes.add(startNode(jar, "node-a", portA));
        awaitReady(portA, processes.get(0), "node-a");
        SOURCE = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA
                + "/api/sources?project=1")).header("Authorization", basic("alice")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get(0).get("id").asLong();
        processes.add(startNode(jar, "node-b", portB));
        awaitReady(portB, processes.get(1), "node-b");
        processes.add(startNginx(nginx));
        awaitHttp("http://127.0.0.1:" + proxyPort + "/login", processes.get(2), "nginx");

        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (playwright != null) {
            playwright.close();
        }
        for (Process process : processes.reversed()) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void bothNodesServeThroughNginxAndEachPersonStaysOnTheirNode() throws Exception {
        try (Person alice = Person.signIn("alice", "node-a"); Person sam = Person.signIn("sam", "node-b")) {
            for (Person person : List.of(alice, sam)) {
                String session = person.session();
                for (String path : List.of("/", "/sources/" + SOURCE, "/audit", "/", "/sources/" + SOURCE)) {
                    person.page.navigate(proxy(path));
                    person.page.locator("#current-user").waitFor();
                    assertThat(person.page.url()).as("still signed in, on its node").doesNotContain("/login");
                }
                assertThat(person.session()).as("the same session throughout").isEqualTo(session);
                int port = person.node().equals("node-a") ? portA : portB;
                List<String> routed = Files.readAllLines(WORK.resolve("nginx").resolve("access.log")).stream()
                        .filter(line -> line.contains(" " + session + " ")).toList();
                assertThat(routed).as("requests nginx routed with " + person.node() + "'s session").hasSizeGreaterThan(5)
                        .allSatisfy(line -> assertThat(line).startsWith("127.0.0.1:" + port + " "));
            }

            // Forwarded headers: the audit trail names the client nginx saw (127.0.0.1), not nginx (127.0.0.3), and
            // not the address a client puts in its own X-Forwarded-For. (The API takes HTTP Basic, not the UI's
            // session; the session cookie, sent along, keeps nginx routing to alice's node.)
            APIResponse created = alice.context.request().post(proxy("/api/sources/" + SOURCE + "/annotations"),
                    RequestOptions.create().setHeader("X-Requested-With", "corroborate").setHeader("Authorization", basic("alice"))
                            .setHeader("X-Forwarded-For", "203.0.113.7").setHeader("Content-Type", "application/json")
                            .setData(Map.of("start", 0, "end", 3, "label", "FACT")));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            long id = JSON.readTree(created.text()).get("id").asLong();
            JsonNode timeline = JSON.readTree(alice.context.request().get(proxy("/api/audit/Annotation/" + id
                    + "/timeline"), RequestOptions.create().setHeader("Authorization", basic("alice"))).text());
            assertThat(timeline.get(0).get("origin").asString()).isEqualTo("api 127.0.0.1");
        }
    }

    @Test
    void pushReachesAnOpenWorkspaceThroughNginx() throws Exception {
        try (Person sam = Person.signIn("sam", "node-b")) {
            sam.open(SOURCE);
            // Bob writes on sam's node (directly, as a script would): the push travels through nginx's WebSocket.
            long id = createDirectly(portB, "bob", 4, 9);
            sam.page.locator("#source-text [data-ids~='" + id + "']").first()
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(5_000));
        }
    }

    @Test
    void anAnnotationCreatedOnOneNodeAppearsLiveOnTheOther() throws Exception {
        try (Person alice = Person.signIn("alice", "node-a"); Person sam = Person.signIn("sam", "node-b")) {
            sam.open(SOURCE);
            APIResponse created = alice.context.request().post(proxy("/api/sources/" + SOURCE + "/annotations"),
                    RequestOptions.create().setHeader("X-Requested-With", "corroborate").setHeader("Authorization", basic("alice"))
                            .setHeader("Content-Type", "application/json")
                            .setData(Map.of("start", 10, "end", 15, "label", "FACT")));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            long id = JSON.readTree(created.text()).get("id").asLong();
            long created_at = System.nanoTime();
            sam.page.locator("#source-text [data-ids~='" + id + "']").first()
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(5_000));
            System.out.printf("cross-node push: visible on node-b %d ms after the create answered on node-a%n",
                    (System.nanoTime() - created_at) / 1_000_000);
        }
    }

    @Test
    void theNodesSignCheckpointsThatAnAuditorVerifiesWithOpensslAndThePublicKeyAlone() throws Exception {
        // The scheduled verification of either node signs the head; wait for the first checkpoint.
        JsonNode checkpoints = null;
        for (int i = 0; i < 120; i++) {
            checkpoints = JSON.readTree(get(proxy("/api/audit/checkpoints"), "admin")).get("checkpoints");
            if (!checkpoints.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(checkpoints).as("a checkpoint within a minute").isNotEmpty();
        JsonNode checkpoint = checkpoints.get(0);
        Path publicKey = WORK.resolve("checkpoint-public.pem").toAbsolutePath();
        Path openssl = Paths.get("/usr/bin/openssl");
        require(Files.isExecutable(openssl), "openssl, to check the documented commands with");
        // docs/operations.md, "Signed checkpoints": the key id, the text rebuilt from the fields, the signature.
        assertThat(run(List.of("sh", "-c", "openssl pkey -pubin -in '" + publicKey + "' -outform DER | sha256sum | "
                + "cut -c1-16")).strip()).isEqualTo(checkpoint.get("keyId").asString());
        Path text = WORK.resolve("checkpoint-text");
        Path signature = WORK.resolve("checkpoint-signature");
        Files.writeString(text, "corroborate audit checkpoint v1\nseq: " + checkpoint.get("seq").asLong() + "\nhash: "
                + checkpoint.get("hash").asString() + "\nsigned-at: " + checkpoint.get("signedAt").asString()
                + "\nkey-id: " + checkpoint.get("keyId").asString() + "\n");
        Files.write(signature, Base64.getDecoder().decode(checkpoint.get("signature").asString()));
        assertThat(run(List.of(openssl.toString(), "pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(),
                "-rawin", "-in", text.toAbsolutePath().toString(), "-sigfile", signature.toAbsolutePath().toString())))
                .contains("Signature Verified Successfully");
        // The event of that number in the export still has the signed hash.
        String export = get(proxy("/api/audit/export?format=jsonl"), "admin");
        String exported = export.lines().map(JSON::readTree).filter(e -> e.get("seq").asLong() == checkpoint.get("seq")
                .asLong()).findFirst().orElseThrow().get("hash").asString();
        assertThat(exported).isEqualTo(checkpoint.get("hash").asString());
    }

    /** A person in a browser of their own, signed in through nginx and held by the named node. */
    private record Person(BrowserContext context, Page page, String node) implements AutoCloseable {

        /** Signs in through nginx until the session lands on {@code node} (nginx spreads new sessions). */
        static Person signIn(String username, String node) {
            for (int attempt = 1; attempt <= 12; attempt++) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                context.setDefaultTimeout(30_000);
                Page page = context.newPage();
                page.navigate(proxy("/login"));
                page.locator("vaadin-login-form input[name='username']").fill(username);
                page.locator("vaadin-login-form input[name='password']").fill("demo");
                page.locator("vaadin-login-form input[name='password']").press("Enter");
                page.locator("#current-user").waitFor();
                Person person = new Person(context, page, node);
                String session = person.session();
                assertThat(session).as("session ids carry the node's route").matches(".+\\.node-[ab]");
                if (session.endsWith("." + node)) {
                    return person;
                }
                context.close();
            }
            throw new AssertionError(username + " never landed on " + node + " in 12 sign-ins through nginx");
        }

        String session() {
            return context.cookies(proxy("/")).stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
        }

        void open(long source) {
            page.navigate(proxy("/sources/" + source));
            page.locator("#source-text").waitFor();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static String get(String url, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }


    private static long createDirectly(int port, String user, int start, int end) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/sources/" + SOURCE + "/annotations"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("start", start, "end", end,
                        "label", "FACT")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private static Process startNode(Path jar, String id, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + port, "--workbench.node.id=" + id,
                "--workbench.demo=true", "--workbench.data-dir=" + WORK.resolve(id).toAbsolutePath(),
                "--server.forward-headers-strategy=native", "--spring.main.banner-mode=off",
                "--workbench.audit.verify-interval=5s",
                "--workbench.audit.checkpoint.key-file=" + WORK.resolve("checkpoint-key.pem").toAbsolutePath()));
        command.addAll(List.of(TestPostgres.datasourceArguments()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve(id + ".log").toFile()).start();
    }

    /** nginx with the sample configuration, its two nodes moved to the test's ports, on a port of its own. */
    private static Process startNginx(Path nginx) throws IOException {
        Path prefix = WORK.resolve("nginx").toAbsolutePath();
        Files.createDirectories(prefix.resolve("temp"));
        String sample = Files.readString(Paths.get("docs", "deploy", "nginx-two-nodes.conf"), StandardCharsets.UTF_8);
        String site = sample.replace("127.0.0.1:8081", "127.0.0.1:" + portA)
                .replace("127.0.0.1:8082", "127.0.0.1:" + portB)
                .replace("listen 80;", "listen 127.0.0.1:" + proxyPort + ";")
                // nginx reaches the nodes from 127.0.0.3, the browser reaches nginx from 127.0.0.1: so an origin
                // of 127.0.0.1 in the audit trail is the client nginx forwarded, not nginx.
                .replace("proxy_http_version 1.1;", "proxy_http_version 1.1;\n        proxy_bind 127.0.0.3;");
        assertThat(site).as("the sample still has the shape this test edits").contains("127.0.0.1:" + portA)
                .contains("127.0.0.1:" + portB).contains("listen 127.0.0.1:" + proxyPort).contains("proxy_bind");
        Files.writeString(prefix.resolve("corroborate.conf"), site);
        String temp = prefix.resolve("temp").toString();
        Files.writeString(prefix.resolve("nginx.conf"), (System.getProperty("user.name").equals("root")
                ? "user root;\n" : "") + "worker_processes 1;\npid " + prefix.resolve("nginx.pid") + ";\n"
                + "error_log " + prefix.resolve("error.log") + " info;\nevents { worker_connections 256; }\n"
                + "http {\n  log_format routed '$upstream_addr $cookie_JSESSIONID $status \"$request\"';\n"
                + "  access_log " + prefix.resolve("access.log") + " routed;\n"
                + "  client_body_temp_path " + temp + "/body;\n  proxy_temp_path " + temp + "/proxy;\n"
                + "  fastcgi_temp_path " + temp + "/fastcgi;\n  uwsgi_temp_path " + temp + "/uwsgi;\n"
                + "  scgi_temp_path " + temp + "/scgi;\n  include " + prefix.resolve("corroborate.conf") + ";\n}\n");
        return new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(WORK.resolve("nginx.log").toFile()).start();
    }

    /** Until the node has migrated and loaded the demo corpus: alice sees its sources. */
    private static void awaitReady(int port, Process node, String name) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new AssertionError(name + " stopped while starting: " + tail(WORK.resolve(name + ".log")));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/sources?project=" + 1)).header("Authorization", basic("alice")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && JSON.readTree(response.body()).size() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " was not ready within " + START_TIMEOUT + ": " + tail(WORK.resolve(name + ".log")));
    }

    private static void awaitHttp(String url, Process process, String name) throws Exception {
        for (int i = 0; i < 60; i++) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped: " + tail(WORK.resolve(name + ".log")) + " "
                        + tail(WORK.resolve("nginx").resolve("error.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not answer " + url);
    }

    private static String proxy(String path) {
        return "http://127.0.0.1:" + proxyPort + path;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void require(boolean present, String what) {
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Required here (CI is set): " + what);
            }
            Assumptions.abort(what);
        }
    }
}
