package org.corroborate.base;

import org.corroborate.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.corroborate.WorkbenchApplication;
import org.junit.jupiter.api.Tag;
import org.corroborate.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable commits: a burst of writes from several threads against the real application in a child
 * JVM, {@code kill -9} in the middle of it, a restart on the same data, and every write that was
 * answered 2xx is there, with a valid audit chain. On H2 (the default) and on PostgreSQL.
 * {@code -Dworkbench.crash.rounds=N} runs more rounds (the suite runs one per database).
 */
class CrashDurabilityTest {

    private static final int ROUNDS = Integer.getInteger("workbench.crash.rounds", 1);

    @TempDir Path work;

    @Test
    void acknowledgedWritesSurviveKillMinus9OnH2() throws Exception {
        List<String> losses = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Path data = work.resolve("data-" + round);
            losses.addAll(crashRound("H2", round, List.of("--workbench.data-dir=" + data)));
        }
        assertThat(losses).as("acknowledged writes missing after kill -9 on H2").isEmpty();
    }

    @Test
    @Tag("postgres")
    void acknowledgedWritesSurviveKillMinus9OnPostgres() throws Exception {
        List<String> losses = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            TestPostgres.resetSchema();
            List<String> settings = new ArrayList<>(List.of(TestPostgres.datasourceArguments()));
            settings.add("--workbench.data-dir=" + work.resolve("pg-" + round));
            losses.addAll(crashRound("PostgreSQL", round, settings));
        }
        assertThat(losses).as("acknowledged writes missing after kill -9 on PostgreSQL").isEmpty();
    }

    /** One round: burst, kill -9, restart, read back; the acknowledged writes that are missing. */
    private List<String> crashRound(String database, int round, List<String> settings) throws Exception {
        Burst burst;
        Path logs = Files.createDirectories(Path.of("target", "crash-test"));
        Process child = startChild(settings, logs.resolve("child-" + database + "-" + round + ".log"));
        try {
            HttpApi api = new HttpApi(childPort);
            awaitReady(api, child);
            burst = new Burst(api);
            burst.runUntilKilled(child);
        } finally {
            child.destroyForcibly().waitFor();
        }
        List<String> args = new ArrayList<>(settings);
        args.addAll(List.of("--server.port=0", "--workbench.demo=true", "--spring.main.banner-mode=off"));
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(WorkbenchApplication.class)
                .run(args.toArray(String[]::new))) {
            HttpApi api = new HttpApi(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")));
            Burst.Tally tally = burst.check(api);
            System.out.printf("crash test %s round %d: %s%n", database, round, tally);
            assertThat(tally.acknowledged()).as("the burst was acknowledged writes before the kill").isGreaterThan(20);
            HttpApi.Answer verify = api.send("sam", "GET", "/api/audit/verify", null).expectOk("verify");
            assertThat(verify.json().get("valid").asBoolean()).as(verify.raw()).isTrue();
            return tally.missing().stream().map(m -> "round " + round + ": " + m).toList();
        }
    }

    private int childPort;

    private Process startChild(List<String> settings, Path log) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            childPort = socket.getLocalPort();
        }
        // The class path goes through an argument file: it is longer than some systems allow on a command line.
        Path argFile = work.resolve("child-" + UUID.randomUUID() + ".args");
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "@" + argFile, "-XX:TieredStopAtLevel=1", "-Xmx768m",
                WorkbenchApplication.class.getName(), "--server.port=" + childPort, "--workbench.demo=true",
                "--spring.main.banner-mode=off"));
        command.addAll(settings);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(HttpApi api, Process child) {
        await("the child workbench starts in time").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(child.isAlive()).as("the child workbench is running").isTrue();
                    try {
                        // Until the demo corpus is in: the port answers before start-up work is done.
                        HttpApi.Answer sources = api.send("alice", "GET", "/api/sources", null);
                        return sources.ok() && !sources.json().isEmpty();
                    } catch (IOException notYet) {
                        return false; // not listening yet
                    }
                });
    }

    /**
     * Writers for a while, then the kill while they are still writing. Each reviewer thread writes
     * only its own annotations; verdicts and decisions go to annotations that are never deleted.
     */
    static final class Burst {

        private static final int WRITES = 120;
        private static final String TEXT = "The utility hid the results for months. The mayor said the water is safe. ";
        private final HttpApi api;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Long> keep = new CopyOnWriteArrayList<>();
        private final BlockingQueue<Long> undecided = new LinkedBlockingQueue<>();
        private final Map<Long, Long> sourceOf = new ConcurrentHashMap<>();
        private final Map<Long, String> authorOf = new ConcurrentHashMap<>();
        // What the server acknowledged, per kind.
        private final Map<Long, Long> annotationVersions = new ConcurrentHashMap<>();
        private final Map<Long, Boolean> deleteSent = new ConcurrentHashMap<>();
        private final List<Long> deletes = new CopyOnWriteArrayList<>();
        private final List<Long> sources = new CopyOnWriteArrayList<>();
        private final Map<String, String> verdicts = new ConcurrentHashMap<>();
        private final Map<Long, Long> decisions = new ConcurrentHashMap<>();
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();
        private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
        private final AtomicInteger answered = new AtomicInteger();
        private long demoSource;
        private Process child;

        Burst(HttpApi api) {
            this.api = api;
        }

        void runUntilKilled(Process child) throws Exception {
            this.child = child;
            demoSource = api.send("alice", "GET", "/api/sources", null).json().get(0).get("id").asLong();
            List<Thread> writers = new ArrayList<>();
            for (String reviewer : List.of("alice", "bob", "carol")) {
                writers.add(Thread.ofPlatform().start(() -> guard(() -> annotate(reviewer))));
            }
            writers.add(Thread.ofPlatform().start(() -> guard(this::importSources)));
            writers.add(Thread.ofPlatform().start(() -> guard(this::decide)));
            // The writer whose answer makes it WRITES kills the child at once (see count): a commit
            // answered microseconds ago is the one a delayed flush would lose. The other writers are
            // mid-request, so the kill lands between a commit and its answer, or before either.
            if (!child.waitFor(3, TimeUnit.MINUTES)) {
                child.destroyForcibly().waitFor();
            }
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
        }

        private void guard(Work work) {
            try {
                work.run();
            } catch (IOException | InterruptedException killed) {
                // the child died: what was acknowledged before is recorded
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void annotate(String reviewer) throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<Long> own = new ArrayList<>();
            while (!stop.get()) {
                int choice = random.nextInt(10);
                if (own.isEmpty() || choice < 4) {
                    int start = random.nextInt(60);
                    HttpApi.Answer created = api.send(reviewer, "POST", "/api/sources/" + demoSource + "/annotations",
                            Map.of("start", start, "end", start + 1 + random.nextInt(20), "label", "FACT"));
                    if (created.ok()) {
                        long id = created.id("id");
                        annotationVersions.put(id, created.id("version"));
                        count("creates");
                        if (random.nextBoolean()) {
                            sourceOf.put(id, demoSource);
                            authorOf.put(id, reviewer);
                            keep.add(id);
                            undecided.add(id);
                        } else {
                            own.add(id);
                        }
                    } else {
                        refused(created);
                    }
                } else if (choice < 7) {
                    long id = own.get(random.nextInt(own.size()));
                    HttpApi.Answer updated = api.send(reviewer, "PUT", "/api/annotations/" + id, Map.of(
                            "version", annotationVersions.get(id), "label", random.nextBoolean() ? "QUOTE" : "ALLEGATION"));
                    if (updated.ok()) {
                        annotationVersions.put(id, updated.id("version"));
                        count("updates");
                    } else {
                        refused(updated);
                    }
                } else if (choice < 8) {
                    long id = own.remove(random.nextInt(own.size()));
                    deleteSent.put(id, true);
                    HttpApi.Answer deleted = api.send(reviewer, "DELETE", "/api/annotations/" + id + "?version="
                            + annotationVersions.get(id), null);
                    if (deleted.ok()) {
                        deletes.add(id);
                        count("deletes");
                    } else {
                        refused(deleted);
                    }
                } else {
                    List<Long> others = keep.stream().filter(id -> !reviewer.equals(authorOf.get(id))
                            && !verdicts.containsKey(id + "/" + reviewer)).toList();
                    if (!others.isEmpty()) {
                        long id = others.get(random.nextInt(others.size()));
                        String verdict = List.of("AGREE", "DISAGREE", "UNSURE").get(random.nextInt(3));
                        HttpApi.Answer assessed = api.send(reviewer, "PUT", "/api/annotations/" + id + "/assessment",
                                Map.of("verdict", verdict));
                        if (assessed.ok()) {
                            verdicts.put(id + "/" + reviewer, verdict);
                            count("verdicts");
                        } else {
                            refused(assessed);
                        }
                    }
                }
            }
        }

        private void importSources() throws Exception {
            while (!stop.get()) {
                HttpApi.Answer imported = api.send("admin", "POST", "/api/sources",
                        Map.of("title", "Burst", "text", TEXT + UUID.randomUUID()));
                if (imported.ok()) {
                    sources.add(imported.id("id"));
                    count("imports");
                } else {
                    refused(imported);
                }
            }
        }

        private void decide() throws Exception {
            while (!stop.get()) {
                Long annotation = undecided.poll(100, TimeUnit.MILLISECONDS); // waits for a kept annotation
                if (annotation == null) {
                    continue;
                }
                HttpApi.Answer decided = api.send("sam", "POST", "/api/sources/" + sourceOf.get(annotation) + "/decisions",
                        Map.of("annotationIds", List.of(annotation), "outcome", "REJECTED", "reason", "burst"));
                if (decided.ok()) {
                    decisions.put(decided.id("id"), annotation);
                    count("decisions");
                } else {
                    refused(decided);
                }
            }
        }

        private void count(String kind) {
            counts.merge(kind, 1, Integer::sum);
            if (answered.incrementAndGet() == WRITES) {
                child.destroyForcibly(); // SIGKILL, as kill -9
            }
        }

        private void refused(HttpApi.Answer answer) {
            refusals.merge(answer.status() + " " + answer.raw().substring(0, Math.min(120, answer.raw().length())), 1, Integer::sum);
        }

        /** Reads back every acknowledged write from the restarted workbench. */
        Tally check(HttpApi restarted) throws Exception {
            List<String> missing = new ArrayList<>();
            for (var entry : annotationVersions.entrySet()) {
                long id = entry.getKey();
                if (deleteSent.containsKey(id)) {
                    continue; // a delete was sent: gone or not, both are right
                }
                HttpApi.Answer read = restarted.send("sam", "GET", "/api/annotations/" + id, null);
                if (!read.ok() || read.id("version") < entry.getValue()) {
                    missing.add("annotation " + id + " v" + entry.getValue() + " (" + read.status() + ")");
                }
            }
            for (long id : deletes) {
                if (restarted.send("sam", "GET", "/api/annotations/" + id, null).status() != 404) {
                    missing.add("delete of annotation " + id);
                }
            }
            for (long id : sources) {
                if (!restarted.send("sam", "GET", "/api/sources/" + id, null).ok()) {
                    missing.add("source " + id);
                }
            }
            for (var entry : verdicts.entrySet()) {
                String[] key = entry.getKey().split("/");
                HttpApi.Answer read = restarted.send("sam", "GET", "/api/annotations/" + key[0] + "/assessments", null);
                boolean found = read.ok() && read.json().valueStream()
                        .anyMatch(a -> a.get("reviewer").asString().equals(key[1])
                                && a.get("verdict").asString().equals(entry.getValue()));
                if (!found) {
                    missing.add("verdict " + entry.getKey());
                }
            }
            for (var entry : decisions.entrySet()) {
                HttpApi.Answer read = restarted.send("sam", "GET", "/api/sources/" + sourceOf.get(entry.getValue()) + "/decisions", null);
                boolean found = read.ok() && read.json().valueStream().anyMatch(d -> d.get("id").asLong() == entry.getKey());
                if (!found) {
                    missing.add("decision " + entry.getKey());
                }
            }
            if (!refusals.isEmpty()) {
                System.out.println("crash test: refused during the burst (not counted): " + refusals);
            }
            return new Tally(Map.copyOf(counts), missing);
        }

        interface Work {
            void run() throws Exception;
        }

        /** Acknowledged writes per kind, and those not found after the restart. */
        record Tally(Map<String, Integer> counts, List<String> missing) {

            int acknowledged() {
                return counts.values().stream().mapToInt(Integer::intValue).sum();
            }

            @Override
            public String toString() {
                return "acknowledged " + acknowledged() + " " + new java.util.TreeMap<>(counts) + ", present "
                        + (acknowledged() - missing.size()) + ", lost " + missing.size() + (missing.isEmpty() ? "" : " " + missing);
            }
        }
    }
}
