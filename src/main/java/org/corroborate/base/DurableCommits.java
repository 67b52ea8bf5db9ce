package org.corroborate.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every answered write is on disk: right after the migrations, before any other work, this makes
 * an H2 file database write each commit before the commit returns, whatever the JDBC URL says
 * (H2's default writes commits in the background up to 500 ms later, so {@code kill -9} loses
 * acknowledged writes). On PostgreSQL, whose defaults are durable, it warns if the server has been
 * set to acknowledge commits before they are flushed. See docs/operations.md, "Data durability".
 */
@Component
class DurableCommits extends BaseCallback {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection connection = context.getConnection();
            String product = connection.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                writeH2CommitsAtOnce(connection);
            } else if ("PostgreSQL".equals(product)) {
                warnIfPostgresDefersCommits(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check that commits are durable: " + e.getMessage(), e);
        }
    }

    private static void writeH2CommitsAtOnce(Connection connection) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
            return; // nothing on disk to make durable
        }
        try (Statement statement = connection.createStatement()) {
            // Persistent in the database file; with 0 MVStore writes the store on every commit.
            statement.execute("SET WRITE_DELAY 0");
        }
    }

    private static void warnIfPostgresDefersCommits(Connection connection) throws SQLException {
        for (String setting : new String[] {"fsync", "synchronous_commit"}) {
            try (Statement statement = connection.createStatement();
                 var rows = statement.executeQuery("show " + setting)) {
                if (rows.next() && "off".equalsIgnoreCase(rows.getString(1))) {
                    log.warn("PostgreSQL runs with {} = off: a crash of the database server can lose writes the "
                            + "workbench has already answered. Set it to on (the default).", setting);
                }
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "durable-commits";
    }
}
