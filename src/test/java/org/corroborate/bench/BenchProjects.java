package org.corroborate.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Neighbouring projects for the benchmarks, so that what a benchmark measures in its project runs
 * among several projects of like size, as on a workbench shared by several teams: every query a
 * view or an export makes then has to pick its project's rows out of everyone's. The neighbours
 * are written straight into the tables (as years of work would leave them), once per database.
 */
final class BenchProjects {

    private static final String[] WORDS = ("the board said testing was late residents allege the firm knew of leaks "
            + "in 2021 records show").split(" ");
    private static final String[] LABELS = {"FACT", "QUOTE", "ALLEGATION"};
    private static final String[] REVIEWERS = {"alice", "bob", "carol"};

    private BenchProjects() {}

    /**
     * Adds {@code count} projects named "Neighbour N", each with {@code sources} sources of about
     * 2,000 characters and {@code perSource} annotations on each, unless they are there already.
     *
     * @return the number of annotations the neighbours hold
     */
    static long addNeighbours(JdbcTemplate jdbc, int count, int sources, int perSource) {
        Random random = new Random(11);
        Timestamp now = Timestamp.from(Instant.now());
        long total = 0;
        for (int n = 1; n <= count; n++) {
            String name = "Neighbour " + n;
            Long existing = jdbc.query("select id from project where name = ?", rs -> rs.next() ? rs.getLong(1) : null,
                    name);
            if (existing != null) {
                total += jdbc.queryForObject("select count(*) from annotation where project_id = ?", Long.class,
                        existing);
                continue;
            }
            jdbc.update("insert into project (name, description, created_by, created_at, version) values (?, ?, ?, ?, 0)",
                    name, "A neighbouring project for the benchmarks", "admin", now);
            long project = jdbc.queryForObject("select id from project where name = ?", Long.class, name);
            for (int batch = 0; batch < sources; batch += 500) {
                int size = Math.min(500, sources - batch);
                List<Object[]> sourceRows = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    StringBuilder text = new StringBuilder(name + ", report " + (batch + i) + ". ");
                    while (text.length() < 2000) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
                    }
                    String body = text.toString().strip();
                    texts.add(body);
                    sourceRows.add(new Object[] {project, name + " report " + (batch + i), "admin", now, sha256(body),
                            body.length(), body});
                }
                jdbc.batchUpdate("insert into source (project_id, title, imported_by, imported_at, sha256, "
                        + "length_code_points, text_content, version) values (?, ?, ?, ?, ?, ?, ?, 0)", sourceRows);
                List<Long> ids = jdbc.queryForList("select id from source where project_id = ? order by id desc limit "
                        + size, Long.class, project).reversed();
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    String text = texts.get(i);
                    for (int k = 0; k < perSource; k++) {
                        int start = text.indexOf(' ', random.nextInt(text.length() - 80)) + 1;
                        int end = text.indexOf(' ', start + 3 + random.nextInt(40));
                        rows.add(new Object[] {project, ids.get(i), start, end, LABELS[random.nextInt(3)], "{}",
                                REVIEWERS[k % 3], now, now, text.substring(start, end), "", ""});
                    }
                }
                jdbc.batchUpdate("insert into annotation (project_id, source_id, start_offset, end_offset, label, "
                        + "attributes, author, created_at, modified_at, covered_text, context_before, context_after, "
                        + "version, scheme_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)", rows);
                total += rows.size();
            }
        }
        return total;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
