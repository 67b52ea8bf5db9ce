package org.corroborate.annotation.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.corroborate.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V23 on both databases: a source held before the migration becomes its own version 1 (text, hash,
 * length, who and when), its current version is 1, its annotations are {@code anchored}; the anchor
 * state's check (CASE) refuses anything else, and a source has each version number once.
 */
class SourceVersionSchemaTest {

    @Test
    void onH2ExistingSourcesBecomeVersionOne() throws SQLException {
        String url = "jdbc:h2:mem:versions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway before = Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2").target("21").load();
        before.migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            seed(connection);
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            checks(connection);
        }
    }

    @Test
    @Tag("postgres")
    void onPostgresExistingSourcesBecomeVersionOne() throws SQLException {
        TestPostgres.resetSchema();
        Flyway.configure().dataSource(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").target("21")
                .placeholders(Map.of("runtime_role", "")).load().migrate();
        try (Connection connection = TestPostgres.connect()) {
            seed(connection);
        }
        Flyway.configure().dataSource(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .placeholders(Map.of("runtime_role", "")).load().migrate();
        try (Connection connection = TestPostgres.connect()) {
            checks(connection);
        }
    }

    private static void seed(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    insert into source (id, project_id, title, imported_by, imported_at, sha256, length_code_points,
                        text_content, version)
                    values (1, (select min(id) from project), 'T', 'alice', current_timestamp, 'abc', 5, 'Water', 0)""");
            sql.executeUpdate("insert into annotation (id, project_id, source_id, start_offset, end_offset, "
                    + "label, attributes, author, created_at, modified_at, covered_text, context_before, "
                    + "context_after, version, scheme_version) values (1, (select min(id) from project), "
                    + "1, 0, 5, 'FACT', '{}', 'alice', current_timestamp, current_timestamp, 'Water', '', '', 0, 1)");
        }
    }

    private static void checks(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("select source_id, number, text_content, sha256, "
                    + "length_code_points, created_by from source_version")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
                assertThat(rows.getInt(2)).isEqualTo(1);
                assertThat(rows.getString(3)).isEqualTo("Water");
                assertThat(rows.getString(4)).isEqualTo("abc");
                assertThat(rows.getInt(5)).isEqualTo(5);
                assertThat(rows.getString(6)).isEqualTo("alice");
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet rows = sql.executeQuery("select current_version from source where id = 1")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rows = sql.executeQuery("select anchor_state from annotation where id = 1")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("anchored");
            }
            sql.executeUpdate("update annotation set anchor_state = 'orphaned' where id = 1");
            assertThatThrownBy(() -> sql.executeUpdate("update annotation set anchor_state = 'lost' where id = 1"))
                    .message().containsIgnoringCase("ck_annotation_anchor_state");
            assertThatThrownBy(() -> sql.executeUpdate("insert into source_version (source_id, number, text_content, "
                    + "sha256, length_code_points, created_by, created_at) values (1, 1, 'x', 'x', 1, 'sam', "
                    + "current_timestamp)")).message().containsIgnoringCase("uk_source_version");
            assertThatThrownBy(() -> sql.executeUpdate("insert into source_version (source_id, number, text_content, "
                    + "sha256, length_code_points, created_by, created_at) values (1, 0, 'x', 'x', 1, 'sam', "
                    + "current_timestamp)")).message().containsIgnoringCase("ck_source_version_number");
        }
    }
}
