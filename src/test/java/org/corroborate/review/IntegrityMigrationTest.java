package org.corroborate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database from before V13_1 may hold what the new constraints refuse: verdicts and decision links
 * of deleted annotations, and an annotation in two decisions (from the old races). The migration
 * moves those rows to retired tables with the reason, drops nothing silently, and then adds the
 * constraints.
 */
class IntegrityMigrationTest {

    @Test
    void rowsTheConstraintsWouldRefuseAreRetiredWithTheirReason() {
        // One connection throughout (H2 re-checks CHECK constraints per connection; see issue 19, case 2).
        var data = new SingleConnectionDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID(), "sa", "", true);
        Flyway.configure().dataSource(data).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("13").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        jdbc.update("insert into source (id, title, imported_by, imported_at, sha256, length_code_points, text_content, "
                + "version) values (1, 'T', 'admin', current_timestamp, 'x', 20, 'The plant closed in May', 0)");
        for (long id : new long[] {1, 2}) {
            jdbc.update("insert into annotation (id, source_id, start_offset, end_offset, label, attributes, author, "
                    + "created_at, modified_at, covered_text, context_before, context_after, version) values "
                    + "(?, 1, 0, 9, 'FACT', '{}', 'alice', current_timestamp, current_timestamp, 'The plant', '', '', 0)",
                    id);
        }
        String verdict = "insert into assessment (id, annotation_id, source_id, reviewer, verdict, created_at, "
                + "modified_at, version) values (?, ?, 1, 'bob', 'AGREE', current_timestamp, current_timestamp, 0)";
        jdbc.update(verdict, 10, 1);
        jdbc.update(verdict, 11, 99);
        String decision = "insert into decision (id, source_id, outcome, reason, decided_by, decided_at, version) "
                + "values (?, 1, 'REJECTED', 'r', 'sam', current_timestamp, 0)";
        jdbc.update(decision, 20);
        jdbc.update(decision, 21);
        jdbc.update(decision, 22);
        jdbc.update("insert into decision_annotation (decision_id, annotation_id) values (20, 1), (21, 1), (21, 2), "
                + "(22, 98)");

        Flyway.configure().dataSource(data).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();

        assertThat(jdbc.queryForList("select id from assessment", Long.class)).containsExactly(10L);
        assertThat(jdbc.queryForMap("select id, annotation_id, why from retired_assessment"))
                .containsEntry("ID", 11L).containsEntry("ANNOTATION_ID", 99L)
                .containsEntry("WHY", "its annotation had been deleted");
        assertThat(jdbc.queryForList("select decision_id || ':' || annotation_id from decision_annotation "
                + "order by decision_id, annotation_id", String.class)).containsExactly("20:1", "21:2");
        assertThat(jdbc.queryForList("select decision_id || ':' || annotation_id || ' ' || why from "
                + "retired_decision_annotation order by decision_id", String.class)).containsExactly(
                "21:1 the annotation was already in an earlier decision", "22:98 the annotation had been deleted");
    }
}
