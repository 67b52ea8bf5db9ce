package org.corroborate.base.startup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time do its start-up work on a shared database. On PostgreSQL it is a
 * session-level advisory lock ({@code pg_advisory_lock}) held on a connection of its own for the
 * whole of the work, which spans several transactions (accounts, then demo projects, then the demo
 * corpus); if the node dies meanwhile, its connection closes and the server frees the lock. H2 is
 * embedded in one process, so there it locks nothing. Flyway takes its own advisory lock for the
 * migrations before this.
 */
@Component
public class StartupLock {

    /** The advisory lock's key: "Corrobor" in ASCII, so that it does not meet another application's. */
    public static final long KEY = 0x436f72726f626f72L;

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work while holding the lock, waiting as long as another node holds it. */
    public void holding(Runnable work) {
        if (!onPostgres()) {
            work.run();
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            // The pool may hand out a connection with auto-commit off: an open transaction would
            // hold a snapshot and make the wait look like a stuck session.
            connection.setAutoCommit(true);
            if (!query(connection, "select pg_try_advisory_lock(" + KEY + ")")) {
                log.info("Another node is doing its start-up work on this database; waiting for it to finish");
                // The pool's connections give up on a lock after lock_timeout (application-postgres.properties),
                // which is right for people's writes; this wait is for another node's whole start-up.
                String timeout = queryText(connection, "show lock_timeout");
                execute(connection, "set lock_timeout = 0");
                try {
                    execute(connection, "select pg_advisory_lock(" + KEY + ")");
                } finally {
                    execute(connection, "set lock_timeout = '" + timeout.replace("'", "") + "'");
                }
                log.info("The other node's start-up work is done; checking what is left");
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                unlockAfter(connection, e);
                throw e;
            }
            // A pooled connection outlives this method: the lock must be given back, not left to a close.
            execute(connection, "select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("The start-up lock failed: " + e.getMessage(), e);
        }
    }

    private boolean onPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database at start-up: " + e.getMessage(), e);
        }
    }

    private static void unlockAfter(Connection connection, RuntimeException failure) {
        try {
            execute(connection, "select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryText(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
