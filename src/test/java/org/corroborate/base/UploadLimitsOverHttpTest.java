package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.corroborate.SeparateWorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Oversized uploads through the real server (Tomcat's own limits matter): each is refused with 413
 * JSON while the server allocates far less than the upload's size, and the application keeps
 * serving. Bodies are streamed from a small reused buffer over a raw socket, so the client itself
 * allocates almost nothing and the JVM's allocation counter measures the server.
 */
@SeparateWorkbenchTest
class UploadLimitsOverHttpTest {

    private static final long MB = 1024 * 1024;
    private static final String SAM = "Basic " + Base64.getEncoder().encodeToString("sam:demo".getBytes());

    @LocalServerPort
    int port;

    /** What came back, and how many bytes the whole JVM allocated meanwhile. */
    record Answer(int status, String body, long allocated) {}

    /** The body: a prefix, then {@code filler} bytes of 'a', then a suffix. */
    record Body(String prefix, long filler, String suffix) {
        long length() {
            return prefix.getBytes(StandardCharsets.UTF_8).length + filler + suffix.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private static long allocated() {
        // Summed over live threads: Tomcat's request threads are pooled, so none is lost in between.
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(n -> n > 0).sum();
    }

    private Answer send(String path, Map<String, String> headers, Body body, boolean chunked) throws Exception {
        return send(path, headers, body, chunked, SAM);
    }

    private Answer send(String path, Map<String, String> headers, Body body, boolean chunked, String authorization)
            throws Exception {
        long before = allocated();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n"));
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(out, body, chunked));
            String response = read(socket.getInputStream());
            writing.cancel(true);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.substring(response.indexOf("\r\n\r\n") + 4), allocated() - before);
        }
    }

    /** Streams the body from one reused buffer; stops quietly when the server has closed the connection. */
    private static void write(OutputStream out, Body body, boolean chunked) {
        byte[] buffer = new byte[64 * 1024];
        Arrays.fill(buffer, (byte) 'a');
        try {
            chunk(out, body.prefix().getBytes(StandardCharsets.UTF_8), chunked);
            for (long left = body.filler(); left > 0; left -= buffer.length) {
                int n = (int) Math.min(buffer.length, left);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            chunk(out, body.suffix().getBytes(StandardCharsets.UTF_8), chunked);
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // The server answered and closed the connection before the whole body was sent: expected.
        }
    }

    private static void chunk(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Reads the response head and up to 4 KiB of its body (the error JSON is small). */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int headEnd = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            response.write(buffer, 0, n);
            String text = response.toString(StandardCharsets.UTF_8);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
            }
            if (headEnd >= 0 && (text.contains("}") || text.length() - headEnd > 4096)) {
                break;
            }
        }
        return response.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("X-Requested-With", "corroborate");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Body filePart(String name, long size) {
        return new Body("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n", size, "\r\n--b--\r\n");
    }

    private void assertRefusedWithinBudget(String what, Answer answer, long sent, long budget) {
        System.out.printf("FIGURE oversized upload %s: sent %d MiB, status %d, allocated %d MiB%n", what,
                sent / MB, answer.status(), answer.allocated() / MB);
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(413);
        assertThat(answer.body()).as(what).contains("\"error\":\"too_large\"");
        assertThat(answer.allocated()).as(what + ": bytes allocated while refusing").isLessThan(budget);
    }

    @Test
    void aSourceFileUnderTheContainersLimitButOverTheWorkbenchsIsRefusedUnread() throws Exception {
        Answer answer = send("/api/sources", headers("Content-Type", "multipart/form-data; boundary=b"),
                filePart("big.txt", 90 * MB), false);
        assertRefusedWithinBudget("multipart source file of 90 MiB", answer, 90 * MB, 40 * MB);
        assertThat(answer.body()).contains("'big.txt'");
        keepsServing();
    }

    @Test
    void aPartOverTheContainersLimitIsRefusedWhileItArrives() throws Exception {
        Answer answer = send("/api/sources", headers("Content-Type", "multipart/form-data; boundary=b"),
                filePart("huge.txt", 160 * MB), false);
        assertRefusedWithinBudget("multipart part of 160 MiB", answer, 160 * MB, 40 * MB);
        keepsServing();
    }

    @Test
    void tooManyPartsAreRefused() throws Exception {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            parts.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"; filename=\"f")
                    .append(i).append(".txt\"\r\nContent-Type: text/plain\r\n\r\nText number ").append(i)
                    .append("\r\n");
        }
        Answer answer = send("/api/sources", headers("Content-Type", "multipart/form-data; boundary=b"),
                new Body(parts.toString(), 0, "--b--\r\n"), false);
        assertRefusedWithinBudget("multipart with 500 parts", answer, 0, 40 * MB);
        keepsServing();
    }

    @Test
    void aCorpusLargerThanTheImportLimitIsRefusedBeforeItIsRead() throws Exception {
        Answer answer = send("/api/import?format=jsonl", headers("Content-Type", "application/zip"),
                new Body("", 300 * MB, ""), false);
        assertRefusedWithinBudget("raw corpus import of 300 MiB", answer, 300 * MB, 40 * MB);
        keepsServing();
    }

    @Test
    void aJsonTextLargerThanTheBodyLimitIsRefusedDeclaredOrChunked() throws Exception {
        Body json = new Body("{\"title\":\"Huge\",\"text\":\"", 64 * MB, "\"}");
        assertRefusedWithinBudget("JSON source of 64 MiB with Content-Length",
                send("/api/sources", headers("Content-Type", "application/json"), json, false), 64 * MB, 40 * MB);
        assertRefusedWithinBudget("JSON source of 64 MiB, chunked",
                send("/api/sources", headers("Content-Type", "application/json"), json, true), 64 * MB, 80 * MB);
        keepsServing();
    }

    @Test
    void aChunkedBodyIsNotReadIntoMemoryBeforeSignIn() throws Exception {
        // Before: the body limit read a chunked body of up to 16 MiB into the heap before Spring Security
        // looked at the credentials, so anyone could hold 16 MiB per open connection (90 such connections
        // sent slowly took a 1 GB heap to OutOfMemoryError).
        Body json = new Body("{\"title\":\"Anonymous\",\"text\":\"", 15 * MB, "\"}");
        Answer answer = send("/api/sources", headers("Content-Type", "application/json"), json, true, null);
        System.out.printf("FIGURE chunked body of 15 MiB without credentials: status %d, allocated %d MiB%n",
                answer.status(), answer.allocated() / MB);
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.allocated()).as("bytes allocated before refusing an anonymous body").isLessThan(8 * MB);
        String title = "Chunked " + java.util.UUID.randomUUID();
        Answer small = send("/api/sources", headers("Content-Type", "application/json"),
                new Body("{\"title\":\"" + title + "\",\"text\":\"" + title + "\"}", 0, ""), true);
        assertThat(small.status()).as("a small chunked body still works: " + small.body()).isEqualTo(201);
    }

    private void keepsServing() throws Exception {
        String title = "Still serving " + java.util.UUID.randomUUID();
        Answer small = send("/api/sources", headers("Content-Type", "application/json"),
                new Body("{\"title\":\"" + title + "\",\"text\":\"" + title + "\"}", 0, ""), false);
        assertThat(small.status()).as(small.body()).isEqualTo(201);
    }
}
