package org.corroborate.bench;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.exchange.ExportFormat;
import org.corroborate.exchange.ExportRequest;
import org.corroborate.exchange.ExportService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Export of 1,000,000 annotations by 3 reviewers over 10,000 sources of about 2,000 code points,
 * from an H2 file database, in every format, to a file: time, throughput and peak heap, next to the
 * time to write the same number of bytes to disk with nothing else to do. Run with
 * {@code ./workbench bench -Dtest=ExportBenchmark}; figures are in docs/benchmarks.md. The first
 * run fills {@code target/bench-data/export}; later runs reuse it, so a run in a small heap
 * ({@code -DargLine=-Xmx256m}) measures the export alone.
 */
@Tag("bench")
@SpringBootTest(properties = {"workbench.demo=true",
        "workbench.data-dir=./target/bench-data/export"})
class ExportBenchmark {

    static final int SOURCES = 10_000;
    static final int PER_SOURCE = 100;

    @Autowired ExportService exports;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;

    @Test
    void exportAMillionAnnotationsInEveryFormat() throws Exception {
        long seeded = seed();
        BenchReport report = new BenchReport();
        report.append(String.format("corpus: %,d sources, %,d annotations by 3 reviewers in one of 5 projects, H2 file database; "
                + "JVM max heap %,d MB%n", SOURCES, seeded, Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        Path out = Path.of("target", "bench", "export");
        Files.createDirectories(out);
        for (String format : List.of("jsonl", "csv", "w3c", "brat", "conll", "jsonl")) {
            ExportRequest request = actor.runAs("sam", Role.SUPERVISOR,
                    () -> exports.request(TestProjects.MAIN, format, "all", null, null, null));
            Path file = out.resolve("corpus-" + format + ".zip");
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            ExportService.ExportSummary outcome;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                outcome = actor.runAs("sam", Role.SUPERVISOR,
                        () -> exports.export(request, stream, ExportService.Progress.NONE));
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long peak = peakHeap();
            long zipped = Files.size(file);
            long raw = rawWrite(out.resolve("raw.bin"), outcome.bytes());
            report.append(String.format("%-6s %,9d spans in %,6d ms = %,9.0f annotations/s; %,6.1f MB of files "
                            + "(zip %,5.1f MB); peak heap %,5d MB; writing %,6.1f MB to disk alone takes %,5d ms; "
                            + "skipped %,d%n", format, outcome.spans(), millis, outcome.spans() * 1000.0 / millis,
                    outcome.bytes() / 1e6, zipped / 1e6, peak / (1024 * 1024), outcome.bytes() / 1e6, raw,
                    outcome.skipped()));
            assertThat(outcome.spans()).isEqualTo(seeded);
            Files.delete(file);
        }
        report.publish("export", "Export benchmark");
    }

    /**
     * 10,000 sources and 1,000,000 annotations in the main project, written straight into the tables
     * as years of work would leave them, among three neighbouring projects of 300,000 annotations
     * in all ({@link BenchProjects}); the count of the main project's annotations.
     */
    private long seed() {
        BenchProjects.addNeighbours(jdbc, 3, 1_000, PER_SOURCE);
        Long held = jdbc.queryForObject("select count(*) from annotation where project_id = ?", Long.class,
                TestProjects.MAIN);
        if (held != null && held >= (long) SOURCES * PER_SOURCE) {
            return held;
        }
        Random random = new Random(7);
        String[] words = "the council said water supply was safe residents allege utility knew lead pipes report in 2019 "
                .split(" ");
        String[] labels = {"FACT", "QUOTE", "ALLEGATION"};
        String[] reviewers = {"alice", "bob", "carol"};
        Timestamp now = Timestamp.from(Instant.now());
        long total = 0;
        for (int batch = 0; batch < SOURCES / 500; batch++) {
            List<Object[]> sources = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                StringBuilder text = new StringBuilder("Report " + (batch * 500 + i) + ". ");
                while (text.length() < 2000) {
                    text.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
                }
                String body = text.toString().strip();
                texts.add(body);
                sources.add(new Object[] {TestProjects.MAIN, "Report " + (batch * 500 + i), "admin", now, sha256(body), body.length(),
                        body});
            }
            jdbc.batchUpdate("insert into source (project_id, title, imported_by, imported_at, sha256, "
                    + "length_code_points, text_content, version) values (?, ?, ?, ?, ?, ?, ?, 0)", sources);
            List<Long> ids = jdbc.queryForList("select id from source where project_id = " + TestProjects.MAIN
                            + " order by id desc limit 500", Long.class)
                    .reversed();
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String text = texts.get(i);
                for (int k = 0; k < PER_SOURCE; k++) {
                    // Spans start and end on word boundaries, as people select them.
                    int start = text.indexOf(' ', random.nextInt(text.length() - 80)) + 1;
                    int end = text.indexOf(' ', start + 3 + random.nextInt(40));
                    if (text.charAt(end - 1) == '.') {
                        end--;
                    }
                    rows.add(new Object[] {TestProjects.MAIN, ids.get(i), start, end, labels[random.nextInt(3)],
                            k % 10 == 0 ? "{\"speaker\":\"Mayor\"}" : "{}", reviewers[k % 3], now, now,
                            text.substring(start, end), "", ""});
                }
            }
            jdbc.batchUpdate("insert into annotation (project_id, source_id, start_offset, end_offset, label, "
                    + "attributes, author, created_at, modified_at, covered_text, context_before, context_after, "
                    + "version, scheme_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)", rows);
            total += rows.size();
        }
        return total;
    }

    private static long rawWrite(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 16];
        new Random(1).nextBytes(chunk);
        long t0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Files.delete(file);
        return millis;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the heap the export used. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
