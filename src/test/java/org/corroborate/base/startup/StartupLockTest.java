package org.corroborate.base.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.corroborate.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The start-up lock on PostgreSQL is held while the work runs and given back after it, whether the
 * work succeeds or fails: the connection goes back to a pool, which would otherwise keep the lock
 * and make every later node wait for ever.
 */
@Tag("postgres")
class StartupLockTest {

    @Test
    void holdsTheLockDuringTheWorkAndGivesItBackAfterSuccessOrFailure() throws Exception {
        try (Connection other = TestPostgres.connect(); HikariDataSource pool = pool()) {
            StartupLock lock = new StartupLock(pool);
            boolean[] heldByUs = new boolean[1];

            lock.holding(() -> heldByUs[0] = !tryLock(other));
            assertThat(heldByUs[0]).as("another session could take the lock during the work").isTrue();
            assertThat(tryLock(other)).as("the lock was kept after the work").isTrue();
            unlock(other);

            assertThatThrownBy(() -> lock.holding(() -> {
                heldByUs[0] = !tryLock(other);
                throw new IllegalStateException("the work failed");
            })).hasMessage("the work failed");
            assertThat(heldByUs[0]).isTrue();
            assertThat(tryLock(other)).as("the lock was kept after the work failed").isTrue();
            unlock(other);
        }
    }

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestPostgres.URL);
        pool.setUsername(TestPostgres.USER);
        pool.setPassword(TestPostgres.PASSWORD);
        pool.setMaximumPoolSize(1);
        return pool;
    }

    private static boolean tryLock(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + StartupLock.KEY + ")")) {
            result.next();
            return result.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + StartupLock.KEY + ")");
        }
    }
}
