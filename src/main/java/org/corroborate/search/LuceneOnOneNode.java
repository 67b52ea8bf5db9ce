package org.corroborate.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * Refuses a second node that would search one PostgreSQL database with the Lucene engine. A Lucene index
 * belongs to its node: a write on node A is indexed on A only, so node B would answer without it, for
 * ever. Several nodes must use {@code workbench.search.engine=postgres} (docs/operations.md, "Several
 * nodes").
 *
 * <p>How: a node whose engine is {@code lucene} on a {@code jdbc:postgresql:} datasource takes a
 * session-level advisory lock ({@code pg_try_advisory_lock}) on a connection of its own, outside the
 * pool, and holds it while it runs; the server frees it when the node stops or dies. A node that finds
 * the lock taken stops starting, with a message saying what to set. One node with Lucene on PostgreSQL
 * stays allowed.
 */
@Component
@Conditional(LuceneOnOneNode.LuceneOnPostgres.class)
public class LuceneOnOneNode implements DisposableBean {

    /** The advisory lock's key: "CorrLucn" in ASCII (StartupLock's is "Corrobor"). */
    public static final long KEY = 0x436f72724c75636eL;

    private final Connection connection;

    LuceneOnOneNode(@Value("${spring.datasource.url}") String url,
                    @Value("${spring.datasource.username:}") String user,
                    @Value("${spring.datasource.password:}") String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "corroborate-lucene-search");
        this.connection = DriverManager.getConnection(url, properties);
        boolean alone;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            result.next();
            alone = result.getBoolean(1);
        }
        if (!alone) {
            connection.close();
            throw new IllegalStateException("Another node already searches this PostgreSQL database with the "
                    + "Lucene engine (workbench.search.engine=lucene). A Lucene index belongs to one node: searches "
                    + "on this one would miss what the other writes. Set workbench.search.engine=postgres (or leave "
                    + "it at auto) on every node; see docs/operations.md, \"Several nodes\".");
        }
    }

    /** Frees the lock: the connection closes. */
    @Override
    public void destroy() throws SQLException {
        connection.close();
    }

    /** {@code workbench.search.engine=lucene} on a PostgreSQL datasource. */
    static final class LuceneOnPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("workbench.search.engine", "auto").strip()
                    .equalsIgnoreCase("lucene") && context.getEnvironment().getProperty("spring.datasource.url", "")
                    .startsWith("jdbc:postgresql:");
        }
    }
}
