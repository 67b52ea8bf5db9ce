package org.corroborate.base.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection per node that LISTENs on the cluster channel, outside the connection pool (it
 * stays open for the node's life; {@code pg_stat_activity} shows it as {@code corroborate-listen <node id>}). Waits for notifications with pgjdbc's
 * {@link PGConnection#getNotifications(int)}, checks the connection when nothing arrived for a while,
 * and after a loss reconnects with a growing pause (1 s up to 10 s). What other nodes sent while it was
 * disconnected is lost: open views catch up when their viewers next reload.
 */
final class PostgresListener {

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_AFTER = Duration.ofSeconds(20);

    private final String url;
    private final String user;
    private final String password;
    private final String channel;
    private final String applicationName;
    private final Consumer<String> onNotification;
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean connected;
    private volatile Connection connection;
    private Thread thread;

    PostgresListener(String url, String user, String password, String channel, String applicationName,
                     Consumer<String> onNotification) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.channel = channel;
        this.applicationName = applicationName;
        this.onNotification = onNotification;
    }

    /** Starts listening, and waits up to 10 s for the first connection, so that nothing sent after start is missed. */
    void start() {
        running = true;
        thread = Thread.ofPlatform().name("cluster-listen").daemon().start(this::listen);
        try {
            if (!firstConnect.await(10, TimeUnit.SECONDS)) {
                log.warn("The cluster listener has not connected to {} yet; it keeps trying", url);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean connected() {
        return connected;
    }

    /** The connection's settings; its application name shows in {@code pg_stat_activity}. */
    private Properties properties() {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    private void listen() {
        long pause = 1_000;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, properties())) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                connected = true;
                firstConnect.countDown();
                pause = 1_000;
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification n : notifications) {
                            onNotification.accept(n.getParameter());
                        }
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > CHECK_AFTER.toNanos()) {
                        try (Statement check = c.createStatement()) {
                            check.execute("select 1"); // a dead peer shows itself here, not in a quiet wait
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("The cluster listener lost its connection ({}); reconnecting in {} ms; messages other nodes"
                        + " send meanwhile are missed", e.toString(), pause);
            } finally {
                connected = false;
                connection = null;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
            pause = Math.min(pause * 2, 10_000);
        }
    }
}
