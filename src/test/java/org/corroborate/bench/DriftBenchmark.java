package org.corroborate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.claim.drift.Drift;
import org.corroborate.claim.drift.DriftSet;
import org.corroborate.claim.drift.Excerpt;
import org.corroborate.claim.drift.NlpDriftDetector;
import org.corroborate.claim.nlp.EnglishText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drift detection against the labelled set ({@code src/test/resources/claims/drift-set.json}):
 * precision and recall per kind and overall, the set's size, the time per group, and the time for a
 * claim page of 20 members with nothing remembered (models loaded). Prints every wrong or missed item.
 * Run with {@code ./workbench bench -Dtest=DriftBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
class DriftBenchmark {

    private static final int ROUNDS = 15;

    @Test
    void precisionAndRecallOnTheLabelledSet() {
        DriftSet set = DriftSet.load();
        EnglishText english = new EnglishText();
        new NlpDriftDetector(english).drift(set.groups().getFirst().asExcerpts());

        Map<String, List<Drift>> detected = new LinkedHashMap<>();
        List<Long> perGroup = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // A new detector each round: nothing remembered, so every round reads every excerpt again.
            NlpDriftDetector detector = new NlpDriftDetector(english);
            long started = System.nanoTime();
            for (DriftSet.Group group : set.groups()) {
                detected.put(group.id(), detector.drift(group.asExcerpts()));
            }
            perGroup.add((System.nanoTime() - started) / set.groups().size() / 1_000);
        }
        List<String> mistakes = new ArrayList<>();
        Map<String, DriftSet.Score> scores = set.score(detected, mistakes);

        List<Excerpt> page = twentyMembers(set);
        List<Long> pageMicros = new ArrayList<>();
        List<Long> pageCpuMicros = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < ROUNDS; round++) {
            NlpDriftDetector detector = new NlpDriftDetector(english);
            long started = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            detector.drift(page);
            pageCpuMicros.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000);
            pageMicros.add((System.nanoTime() - started) / 1_000);
        }

        BenchReport report = new BenchReport();
        report.append(String.format("set: %d groups, %d excerpts, %d expected drift items, %d groups without drift%n",
                set.groups().size(), set.excerpts(), set.expectedItems(),
                set.groups().stream().filter(g -> g.drift().isEmpty()).count()));
        scores.forEach((kind, score) -> report.append(String.format(
                "%-12s precision %.2f recall %.2f (tp %d, fp %d, fn %d)%n", kind, score.precision(), score.recall(),
                score.truePositives(), score.falsePositives(), score.falseNegatives())));
        DriftSet heldOut = set.heldOut();
        DriftSet.Score held = heldOut.score(detected, new ArrayList<>()).get("overall");
        report.append(String.format("held out (%d groups, %d expected items, written after the detector): "
                        + "precision %.2f recall %.2f (tp %d, fp %d, fn %d)%n", heldOut.groups().size(),
                heldOut.expectedItems(), held.precision(), held.recall(), held.truePositives(), held.falsePositives(),
                held.falseNegatives()));
        report.append(millis("time per group, wall clock, nothing remembered", perGroup));
        report.append(millis("claim page of 20 members, wall clock, nothing remembered", pageMicros));
        report.append(millis("claim page of 20 members, CPU time of the thread", pageCpuMicros));
        mistakes.forEach(m -> report.append("mistake: " + m + "\n"));
        report.publish("drift", "Drift detection on the labelled set");
    }

    /** Median, min and max of times in microseconds, printed in milliseconds. */
    private static String millis(String what, List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return String.format("%s: median %.1f ms, min %.1f, max %.1f (n=%d)%n", what,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.getFirst() / 1000.0, sorted.getLast() / 1000.0,
                sorted.size());
    }

    /** Twenty excerpts of the set, as one claim page would carry them. */
    private static List<Excerpt> twentyMembers(DriftSet set) {
        List<Excerpt> page = new ArrayList<>();
        for (DriftSet.Group group : set.groups()) {
            for (String text : group.excerpts()) {
                if (page.size() < 20) {
                    page.add(new Excerpt(page.size() + 1, text));
                }
            }
        }
        return page;
    }
}
