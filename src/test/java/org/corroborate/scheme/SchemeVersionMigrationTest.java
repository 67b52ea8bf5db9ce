package org.corroborate.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V15 on a database that already holds annotations (and their history): every annotation and every
 * history row is marked as made under scheme version 1, the new column is required from then on,
 * and the version table starts empty (start-up writes each project's version 1 from scheme.json).
 */
class SchemeVersionMigrationTest {

    @Test
    void existingAnnotationsWereMadeUnderVersionOneOnH2() {
        var data = new SingleConnectionDataSource("jdbc:h2:mem:scheme-migration-" + UUID.randomUUID(), "sa", "", true);
        migrate(data, "classpath:db/vendor/h2");
    }

    @Test
    @Tag("postgres")
    void existingAnnotationsWereMadeUnderVersionOneOnPostgres() {
        String url = System.getenv("WORKBENCH_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null, "WORKBENCH_TEST_POSTGRES_URL is not set");
        var data = new SingleConnectionDataSource(url, System.getenv("WORKBENCH_TEST_POSTGRES_USER"),
                System.getenv("WORKBENCH_TEST_POSTGRES_PASSWORD"), true);
        JdbcTemplate jdbc = new JdbcTemplate(data);
        // A database of its own: the schema is dropped and made again (as PostgresTest does).
        jdbc.execute("drop schema if exists public cascade");
        jdbc.execute("create schema public");
        migrate(data, "classpath:db/vendor/postgresql");
    }

    private static void migrate(DataSource data, String vendor) {
        Flyway.configure().dataSource(data).locations("classpath:db/migration", vendor)
                .placeholders(java.util.Map.of("runtime_role", "")) // afterMigrate.sql: one role here, no grants
                .target("14").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        long project = jdbc.queryForObject("select min(id) from project", Long.class);
        jdbc.update("insert into source (id, title, imported_by, imported_at, sha256, length_code_points, text_content, "
                + "version, project_id) values (1, 'T', 'admin', current_timestamp, 'x', 23, 'The plant closed in May', "
                + "0, ?)", project);
        for (long id : new long[] {1, 2}) {
            jdbc.update("insert into annotation (id, source_id, start_offset, end_offset, label, attributes, author, "
                    + "created_at, modified_at, covered_text, context_before, context_after, version, project_id) "
                    + "values (?, 1, 0, 9, 'ALLEGATION', '{\"allegedBy\":\"Bo\"}', 'alice', current_timestamp, "
                    + "current_timestamp, 'The plant', '', '', 0, ?)", id, project);
        }
        jdbc.update("insert into audit_revision (id, revision_time, actor) values (1, current_timestamp, 'alice')");
        jdbc.update("insert into annotation_aud (id, rev, revtype, source_id, start_offset, end_offset, label, "
                + "attributes, author, created_at, modified_at, covered_text, context_before, context_after, project_id) "
                + "values (1, 1, 0, 1, 0, 9, 'ALLEGATION', '{}', 'alice', current_timestamp, current_timestamp, "
                + "'The plant', '', '', ?)", project);

        Flyway.configure().dataSource(data).locations("classpath:db/migration", vendor)
                .placeholders(java.util.Map.of("runtime_role", "")) // afterMigrate.sql: one role here, no grants
                .load().migrate();

        assertThat(jdbc.queryForList("select scheme_version from annotation order by id", Integer.class))
                .containsExactly(1, 1);
        assertThat(jdbc.queryForList("select scheme_version from annotation_aud", Integer.class)).containsExactly(1);
        assertThat(jdbc.queryForObject("select count(*) from scheme_version", Integer.class)).isZero();
        jdbc.update("insert into scheme_version (project_id, number, name, scheme_release, content, diff, summary, "
                + "created_by, created_at) values (?, 1, 'n', '1.0.0', '{}', '[]', 'version 1', 'system', "
                + "current_timestamp)", project);
        assertThat(refused(jdbc, "insert into scheme_version (project_id, number, name, scheme_release, content, diff, "
                + "summary, created_by, created_at) values (" + project + ", 1, 'n', '1.0.0', '{}', '[]', 'again', "
                + "'system', current_timestamp)")).as("a second version 1").isTrue();
        assertThat(refused(jdbc, "insert into annotation (id, source_id, start_offset, end_offset, label, attributes, "
                + "author, created_at, modified_at, covered_text, context_before, context_after, version, project_id) "
                + "values (3, 1, 0, 9, 'FACT', '{}', 'alice', current_timestamp, current_timestamp, 'The plant', '', "
                + "'', 0, " + project + ")")).as("an annotation without its scheme version").isTrue();
    }

    private static boolean refused(JdbcTemplate jdbc, String sql) {
        try {
            jdbc.update(sql);
            return false;
        } catch (org.springframework.dao.DataAccessException expected) {
            return true;
        }
    }
}
