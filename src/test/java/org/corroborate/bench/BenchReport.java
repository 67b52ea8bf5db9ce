package org.corroborate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The figures a benchmark prints and writes to target/bench: one line per measure, with median and spread. */
final class BenchReport {

    private final StringBuilder lines = new StringBuilder();

    void add(String what, List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        lines.append(String.format("%s: median %d ms, min %d, max %d (n=%d) %s%n", what, sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], sorted.length, Arrays.toString(sorted)));
    }

    BenchReport append(String line) {
        lines.append(line);
        return this;
    }

    void publish(String name, String title) {
        Path out = Path.of("target", "bench", name + ".txt");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, lines.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\n== " + title + " ==\n" + lines);
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
