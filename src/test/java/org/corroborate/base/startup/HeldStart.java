package org.corroborate.base.startup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.corroborate.WorkbenchApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * A workbench started in the background, as a node is: its HTTP port opens while its start-up work
 * is still to do. Optionally held at the start of that work (a first {@link StartupTask} that waits
 * for {@link #release()}), so a test can look at the node meanwhile.
 */
final class HeldStart implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<ConfigurableApplicationContext> context = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HeldStart(boolean held, String... args) {
        Thread thread = new Thread(() -> {
            try {
                var builder = new SpringApplicationBuilder(WorkbenchApplication.class).listeners(event -> {
                    if (event instanceof WebServerInitializedEvent initialized) {
                        port.complete(initialized.getWebServer().getPort());
                    }
                });
                if (held) {
                    builder.initializers(c -> c.getBeanFactory().registerSingleton("heldStartupTask", new Held()));
                } else {
                    released.countDown();
                }
                context.complete(builder.run(args));
            } catch (Throwable e) {
                port.completeExceptionally(e);
                context.completeExceptionally(e);
            }
        }, "held-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** A node whose start-up work waits, once begun, until {@link #release()}. */
    static HeldStart held(String... args) {
        return new HeldStart(true, args);
    }

    /** A node that starts as usual, in the background. */
    static HeldStart free(String... args) {
        return new HeldStart(false, args);
    }

    /** Waits until the start-up work has begun and is being held. */
    void awaitHeld() throws Exception {
        if (!entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the start-up work did not begin within " + PATIENCE);
        }
    }

    /** Lets the held start-up work go on. */
    void release() {
        released.countDown();
    }

    /** Waits for the start to complete; its context. */
    ConfigurableApplicationContext started() throws Exception {
        return context.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether the start has completed (the start-up work done, the node ready) or failed. */
    boolean done() {
        return context.isDone();
    }

    /** GET {@code path} on this node, signed in as {@code user} (password "demo") or anonymously (null). */
    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                + port.get(PATIENCE.toSeconds(), TimeUnit.SECONDS) + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        release();
        try {
            started().close();
        } catch (Exception e) {
            // A start that failed has closed its context itself; the test reports the failure.
        }
    }

    /** The first start-up task: waits for {@link #release()}. */
    private final class Held implements StartupTask, Ordered {

        @Override
        public void run() {
            entered.countDown();
            try {
                if (!released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the start-up work");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
