package org.corroborate.base.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events across the application nodes that share one PostgreSQL database, through its LISTEN/NOTIFY.
 * A feature {@link #publish publishes} a small payload (ids, never texts) under a topic it owns, and
 * {@link #subscribe subscribes} per topic to what the OTHER nodes published: a node never hears its
 * own messages, which its features already handle in memory. Inside a transaction the messages wait
 * and go out as {@code pg_notify} calls in that same transaction just before it commits, packed
 * several to a notification: PostgreSQL delivers them only if it commits, and in commit order. Outside a
 * transaction (a presence beat) a message goes at once. Each node keeps one dedicated connection that
 * LISTENs ({@link PostgresListener}) and reconnects after a loss; messages are handed to subscribers on
 * one thread, in the order they arrived. On H2 (one node by definition) publishing does nothing.
 *
 * <p>A message's JSON (topic, payload and the envelope's node id and time) must fit one notification
 * (PostgreSQL allows under 8,000 bytes); a larger one is refused with an {@link IllegalArgumentException}.
 * Metric: {@code workbench.cluster.notifications} (counter, tag {@code direction} = sent | received).
 */
@Component
public class ClusterBus implements SmartLifecycle {

    /** The PostgreSQL channel every node LISTENs on. */
    static final String CHANNEL = "corroborate_events";
    /** Room for one notification's text, under PostgreSQL's 8,000-byte limit. */
    static final int MAX_NOTIFICATION_BYTES = 7_900;

    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);
    private static final Object PENDING = new Object();

    private record Handler<T>(Class<T> type, Consumer<ClusterMessage<T>> consumer) {
        void deliver(String node, Instant sentAt, JsonNode payload, JsonMapper json) {
            consumer.accept(new ClusterMessage<>(node, sentAt, json.treeToValue(payload, type)));
        }
    }

    private final NodeIdentity node;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean shared;
    private final Map<String, List<Handler<?>>> handlers = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter received;
    private final PostgresListener listener;
    private ExecutorService dispatch;

    ClusterBus(NodeIdentity node, JdbcTemplate jdbc, JsonMapper json, Clock clock, MeterRegistry meters,
               @Value("${spring.datasource.url:}") String url, @Value("${spring.datasource.username:}") String user,
               @Value("${spring.datasource.password:}") String password) {
        this.node = node;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.shared = url.startsWith("jdbc:postgresql:");
        this.sent = Counter.builder("workbench.cluster.notifications").tag("direction", "sent")
                .description("Notifications this node sent to, or received from, the other nodes").register(meters);
        this.received = Counter.builder("workbench.cluster.notifications").tag("direction", "received")
                .description("Notifications this node sent to, or received from, the other nodes").register(meters);
        this.listener = shared ? new PostgresListener(url, user, password, CHANNEL,
                "corroborate-listen " + node.id(), this::arrived) : null;
    }

    /** This node's identity (its id is on everything it sends). */
    public NodeIdentity node() {
        return node;
    }

    /** Whether messages reach other nodes (PostgreSQL); false on H2, where there is one node. */
    public boolean shared() {
        return shared;
    }

    /** Whether this node is listening to the others now (always false on H2). */
    public boolean listening() {
        return listener != null && listener.connected();
    }

    /**
     * Sends {@code payload} (serialised to JSON) to the subscribers of {@code topic} on every other node:
     * at the commit of the current transaction if one is active, else at once.
     *
     * @throws IllegalArgumentException if the message cannot fit one notification
     */
    public void publish(String topic, Object payload) {
        if (!shared) {
            return;
        }
        ObjectNode entry = json.createObjectNode();
        entry.put("t", topic);
        entry.set("p", json.valueToTree(payload));
        String text = json.writeValueAsString(entry);
        if (bytes(header(clock.millis())) + bytes(text) + 2 > MAX_NOTIFICATION_BYTES) {
            throw new IllegalArgumentException("A cluster message on topic " + topic + " is " + bytes(text)
                    + " bytes; one notification holds " + MAX_NOTIFICATION_BYTES + " (send ids, not contents)");
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingInThisTransaction().add(text);
        } else {
            send(List.of(text));
        }
    }

    /**
     * Hands every message another node publishes on {@code topic} to {@code consumer}, its payload read
     * as {@code type}, on the bus's delivery thread (keep it short: it delays the messages behind it).
     */
    public <T> void subscribe(String topic, Class<T> type, Consumer<ClusterMessage<T>> consumer) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(new Handler<>(type, consumer));
    }

    private List<String> pendingInThisTransaction() {
        var pending = (Pending) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(PENDING, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending.messages;
    }

    /**
     * A transaction's messages: sent in it just before it commits. Messages published after that point
     * (by an after-commit listener, while the transaction is still bound) go once it has committed, on
     * the delivery thread, outside it; a rolled-back transaction's messages are dropped.
     */
    private final class Pending implements TransactionSynchronization {
        private final List<String> messages = new ArrayList<>();
        private int sent;

        @Override
        public void beforeCommit(boolean readOnly) {
            send(messages);
            sent = messages.size();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            ExecutorService executor = dispatch;
            if (status == STATUS_COMMITTED && sent < messages.size() && executor != null) {
                List<String> late = List.copyOf(messages.subList(sent, messages.size()));
                executor.execute(() -> send(late));
            }
        }
    }

    /** Packs the messages into as few notifications as fit, stamped with this node and the time now. */
    private void send(List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String header = header(clock.millis());
        StringBuilder notification = new StringBuilder(header);
        int size = bytes(header) + 2;
        boolean empty = true;
        for (String message : messages) {
            int more = bytes(message) + (empty ? 0 : 1);
            if (!empty && size + more > MAX_NOTIFICATION_BYTES) {
                notify(notification.append("]}").toString());
                notification = new StringBuilder(header);
                size = bytes(header) + 2;
                empty = true;
                more = bytes(message);
            }
            notification.append(empty ? "" : ",").append(message);
            size += more;
            empty = false;
        }
        notify(notification.append("]}").toString());
    }

    private void notify(String text) {
        jdbc.query("select pg_notify(?, ?)", rs -> { }, CHANNEL, text);
        sent.increment();
    }

    private String header(long millis) {
        return "{\"n\":" + json.writeValueAsString(node.id()) + ",\"at\":" + millis + ",\"m\":[";
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A notification arrived on the listening connection: hand its messages on, unless it is this node's own. */
    private void arrived(String text) {
        ExecutorService executor = dispatch;
        if (executor == null) {
            return;
        }
        executor.execute(() -> {
            try {
                JsonNode envelope = json.readTree(text);
                String from = envelope.get("n").asString();
                if (node.id().equals(from)) {
                    return;
                }
                received.increment();
                Instant sentAt = Instant.ofEpochMilli(envelope.get("at").asLong());
                for (JsonNode message : envelope.get("m")) {
                    String topic = message.get("t").asString();
                    for (Handler<?> handler : handlers.getOrDefault(topic, List.of())) {
                        try {
                            handler.deliver(from, sentAt, message.get("p"), json);
                        } catch (RuntimeException e) {
                            log.warn("A subscriber to {} failed on a message from {}: {}", topic, from, e.toString(), e);
                        }
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Ignored a cluster notification that could not be read: {}", e.toString());
            }
        });
    }

    @Override
    public void start() {
        dispatch = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("cluster-delivery").daemon().factory());
        if (listener != null) {
            listener.start();
            log.info("Node {} listens to the other nodes on PostgreSQL channel {}", node.id(), CHANNEL);
        }
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.stop();
        }
        if (dispatch != null) {
            dispatch.shutdownNow();
            dispatch = null;
        }
    }

    /** Listens before the web server starts serving (and stops after it), so no page misses what others send. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    @Override
    public boolean isRunning() {
        return dispatch != null;
    }
}
