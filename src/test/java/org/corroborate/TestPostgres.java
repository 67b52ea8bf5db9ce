package org.corroborate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests tagged "postgres" use: named by WORKBENCH_TEST_POSTGRES_URL,
 * _USER and _PASSWORD (.ci/run starts one and sets them). Without a server such a test is
 * skipped, unless CI or the URL says one is expected: then a missing server is a failure.
 */
public final class TestPostgres {

    public static final String URL = env("WORKBENCH_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/workbench_test");
    public static final String USER = env("WORKBENCH_TEST_POSTGRES_USER", "workbench");
    public static final String PASSWORD = env("WORKBENCH_TEST_POSTGRES_PASSWORD", "workbench");
    public static final String RUNTIME_USER = env("WORKBENCH_TEST_POSTGRES_RUNTIME_USER", "workbench_runtime");
    public static final String RUNTIME_PASSWORD = env("WORKBENCH_TEST_POSTGRES_RUNTIME_PASSWORD", "workbench_runtime");

    private TestPostgres() {}

    /** A connection to the test database; skips the calling test when there is no server and none is required. */
    public static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            if (System.getenv("CI") != null || System.getenv("WORKBENCH_TEST_POSTGRES_URL") != null) {
                throw new IllegalStateException("PostgreSQL at " + URL + " is required here but cannot be reached: "
                        + e.getMessage(), e);
            }
            Assumptions.abort("No PostgreSQL at " + URL + " (" + e.getMessage() + "); .ci/run starts one");
            throw e;
        }
    }

    /** Empties the test database: drops and re-creates the public schema, so migrations start afresh. */
    public static void resetSchema() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the schema at " + URL + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command-line arguments that point an application at the test database: Flyway as the owner,
     * the application as the runtime role.
     */
    public static String[] datasourceArguments() {
        return new String[] {"--spring.profiles.active=postgres", "--spring.datasource.url=" + URL,
                "--spring.flyway.user=" + USER, "--spring.flyway.password=" + PASSWORD,
                "--spring.datasource.username=" + RUNTIME_USER, "--spring.datasource.password=" + RUNTIME_PASSWORD};
    }

    /** These arguments, then {@link #datasourceArguments()}. */
    public static String[] withDatabase(String... arguments) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments),
                java.util.Arrays.stream(datasourceArguments())).toArray(String[]::new);
    }

    /** A connection as the runtime role, as the application holds it. */
    public static Connection connectAsRuntime() throws SQLException {
        connect().close();
        return DriverManager.getConnection(URL, RUNTIME_USER, RUNTIME_PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
