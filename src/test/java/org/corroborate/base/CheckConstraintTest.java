package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CHECK constraints keep working after the connection that created them is gone. H2 2.4.240
 * compiles {@code x IN (...)} (and {@code x = 'a' OR x = 'b'}, which it rewrites into an IN list)
 * into a set whose comparator keeps the creating session; once the pool retires the connection
 * Flyway migrated with, every insert the constraint checks fails with "Check constraint invalid
 * ... The database has been closed" (h2database #4302, #4308, #4342). The migrations therefore
 * write such checks as CASE expressions, and this test keeps it that way.
 */
class CheckConstraintTest {

    private String url;

    @BeforeEach
    void migrate() {
        url = "jdbc:h2:mem:checks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // Flyway opens its own connection and closes it when done, as the pool retires the one it used.
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    }

    @Test
    void verdictsAndDecisionsAreCheckedAfterTheMigratingConnectionIsClosed() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into source (id, project_id, title, imported_by, imported_at, sha256, length_code_points,
                        text_content, version)
                    values (1, (select min(id) from project), 'T', 'admin', current_timestamp, 'x', 1, 'x', 0)""");
            // Verdicts judge annotations that exist (fk_assessment_annotation): one each, as the key is per annotation.
            for (int id = 1; id <= 4; id++) {
                statement.executeUpdate("insert into annotation (id, project_id, source_id, start_offset, end_offset, "
                        + "label, attributes, author, created_at, modified_at, covered_text, context_before, "
                        + "context_after, version, scheme_version) values (" + id + ", (select min(id) from project), 1, 0, 1, "
                        + "'FACT', '{}', 'alice', current_timestamp, current_timestamp, 'x', '', '', 0, 1)");
            }
            for (String verdict : List.of("AGREE", "DISAGREE", "UNSURE")) {
                statement.executeUpdate(assessment(verdict));
            }
            for (String outcome : List.of("ACCEPTED", "REJECTED")) {
                statement.executeUpdate(decision(outcome));
            }
            assertThatThrownBy(() -> statement.executeUpdate(assessment("MAYBE")))
                    .hasMessageContaining("Check constraint violation").hasMessageContaining("CK_ASSESSMENT_VERDICT");
            assertThatThrownBy(() -> statement.executeUpdate(decision("PENDING")))
                    .hasMessageContaining("Check constraint violation").hasMessageContaining("CK_DECISION_OUTCOME");
        }
    }

    @Test
    void noCheckConstraintComparesAgainstAnInList() throws SQLException {
        List<String> offending = new ArrayList<>();
        List<String> all = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     select constraint_name, check_clause from information_schema.check_constraints
                     where constraint_schema = 'PUBLIC'""")) {
            while (rows.next()) {
                String clause = rows.getString(2);
                all.add(rows.getString(1));
                // What H2 stores is its own rendering, so an OR chain it turned into IN shows up here too.
                if (clause.matches("(?is).*\\bIN\\s*\\(.*")) {
                    offending.add(rows.getString(1) + ": " + clause);
                }
            }
        }
        assertThat(all).contains("CK_ASSESSMENT_VERDICT", "CK_DECISION_OUTCOME");
        assertThat(offending).as("CHECK constraints with an IN list break on H2 2.4.240 once the pool retires "
                + "the migrating connection; write them as CASE x WHEN 'A' THEN TRUE ... ELSE FALSE END").isEmpty();
    }

    private static String assessment(String verdict) {
        return "insert into assessment (annotation_id, source_id, reviewer, verdict, created_at, modified_at, version)"
                + " values (" + (List.of("AGREE", "DISAGREE", "UNSURE", "MAYBE").indexOf(verdict) + 1) + ", 1, 'bob', '" + verdict + "', current_timestamp, current_timestamp, 0)";
    }

    private static String decision(String outcome) {
        return "insert into decision (source_id, outcome, reason, decided_by, decided_at, version)"
                + " values (1, '" + outcome + "', 'because', 'sam', current_timestamp, 0)";
    }
}
