package org.corroborate.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.corroborate.WorkbenchApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another, empty workbench in the same JVM: its own H2 files, only the configured administrator,
 * reached over HTTP like any script would. For round trips between instances.
 */
final class SecondWorkbench implements AutoCloseable {

    static final String ADMIN_PASSWORD = "round-trip-admin";

    private final ConfigurableApplicationContext context;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    SecondWorkbench(Path dataDir) {
        this.context = new SpringApplicationBuilder(WorkbenchApplication.class).run("--server.port=0",
                "--workbench.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--workbench.demo=false",
                "--workbench.admin.password=" + ADMIN_PASSWORD);
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, byte[] body, String contentType) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        context.close();
    }
}
