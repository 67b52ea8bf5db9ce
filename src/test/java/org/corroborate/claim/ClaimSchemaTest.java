package org.corroborate.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corroborate.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V21 on both databases: the stance and decision checks (CASE, never IN-lists: they must keep working
 * after the migrating connection is gone, see {@code CheckConstraintTest}), one membership per claim
 * and annotation, and the foreign keys.
 */
class ClaimSchemaTest {

    @Test
    void onH2TheChecksHoldAfterTheMigratingConnectionIsClosed() throws SQLException {
        String url = "jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            checks(connection);
        }
    }

    @Test
    @Tag("postgres")
    void onPostgresTheSameChecksHold() throws SQLException {
        TestPostgres.resetSchema();
        Flyway.configure().dataSource(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .placeholders(Map.of("runtime_role", "")).load().migrate();
        try (Connection connection = TestPostgres.connect()) {
            checks(connection);
        }
    }

    private static void checks(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    insert into source (id, project_id, title, imported_by, imported_at, sha256, length_code_points,
                        text_content, version)
                    values (1, (select min(id) from project), 'T', 'admin', current_timestamp, 'x', 1, 'x', 0)""");
            for (int id = 1; id <= 5; id++) {
                sql.executeUpdate("insert into annotation (id, project_id, source_id, start_offset, end_offset, "
                        + "label, attributes, author, created_at, modified_at, covered_text, context_before, "
                        + "context_after, version, scheme_version) values (" + id + ", (select min(id) from project), "
                        + "1, 0, 1, 'FACT', '{}', 'alice', current_timestamp, current_timestamp, 'x', '', '', 0, 1)");
            }
            sql.executeUpdate("insert into claim (id, project_id, statement, created_by, created_at, modified_at, "
                    + "version) values (1, (select min(id) from project), 'It leaked.', 'alice', current_timestamp, "
                    + "current_timestamp, 0)");
            int annotation = 1;
            for (String stance : List.of("SUPPORTS", "CONTRADICTS", "QUALIFIES")) {
                sql.executeUpdate(member(annotation++, "'" + stance + "'", "null, null, null, null"));
            }
            sql.executeUpdate(member(annotation, "'SUPPORTS'", "'ACCEPTED', 'sam', current_timestamp, 'Checked.'"));
            assertThatThrownBy(() -> sql.executeUpdate(member(5, "'BELIEVES'", "null, null, null, null")))
                    .message().containsIgnoringCase("ck_claim_member_stance");
            assertThatThrownBy(() -> sql.executeUpdate(member(5, "'SUPPORTS'", "'MAYBE', 'sam', current_timestamp, 'x'")))
                    .message().containsIgnoringCase("ck_claim_member_decision");
            assertThatThrownBy(() -> sql.executeUpdate(member(5, "'SUPPORTS'", "'ACCEPTED', null, null, null")))
                    .message().containsIgnoringCase("ck_claim_member_decision");
            assertThatThrownBy(() -> sql.executeUpdate(member(5, "'SUPPORTS'", "null, 'sam', null, null")))
                    .message().containsIgnoringCase("ck_claim_member_decision");
            assertThatThrownBy(() -> sql.executeUpdate(member(1, "'QUALIFIES'", "null, null, null, null")))
                    .message().containsIgnoringCase("uk_claim_member");
            assertThatThrownBy(() -> sql.executeUpdate(member(99, "'SUPPORTS'", "null, null, null, null")))
                    .message().containsIgnoringCase("fk_claim_member_annotation");
            try (var rows = sql.executeQuery("select count(*) from claim_member")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(4);
            }
        }
    }

    private static String member(int annotation, String stance, String decision) {
        return "insert into claim_member (claim_id, annotation_id, source_id, project_id, stance, added_by, added_at, "
                + "version, outcome, decided_by, decided_at, reason) values (1, " + annotation + ", 1, "
                + "(select min(id) from project), " + stance + ", 'alice', current_timestamp, 0, " + decision + ")";
    }
}
