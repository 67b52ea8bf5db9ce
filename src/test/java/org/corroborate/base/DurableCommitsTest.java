package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database writes each commit before it returns even when the JDBC URL leaves out
 * WRITE_DELAY=0 (an operator's own URL, copied from an older default). The kill -9 test itself is
 * {@link CrashDurabilityTest}.
 */
class DurableCommitsTest {

    @TempDir Path data;

    @Test
    void migratingAFileDatabaseTurnsTheWriteDelayOff() throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("workbench") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .callbacks(new DurableCommits()).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             var rows = connection.createStatement().executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("0");
        }
    }
}
