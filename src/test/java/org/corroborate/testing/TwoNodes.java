package org.corroborate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.corroborate.TestPostgres;
import org.corroborate.WorkbenchApplication;
import org.corroborate.base.cluster.ClusterBus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes in this JVM, each with its own embedded server on a random port, on one
 * PostgreSQL database (the test server, its schema emptied first), in demo mode, as a cluster: the first
 * migrates and seeds, the second finds it done. Presence beats every 2 s, a silent view leaves after 10 s.
 * Each node is a whole Spring context, so a test reaches its beans as on any node.
 */
public final class TwoNodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** Starts nodes {@code node-a} and {@code node-b}; {@code extra} are further arguments for both. */
    public TwoNodes(String... extra) {
        TestPostgres.resetSchema();
        try {
            nodes.add(start("node-a", extra));
            nodes.add(start("node-b", extra));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Node {@code 0} (node-a) or {@code 1} (node-b). */
    public ConfigurableApplicationContext node(int index) {
        return nodes.get(index);
    }

    /** The HTTP port node {@code index} serves on. */
    public int port(int index) {
        return Integer.parseInt(node(index).getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** A bean of node {@code index}. */
    public <T> T bean(int index, Class<T> type) {
        return node(index).getBean(type);
    }

    private static ConfigurableApplicationContext start(String id, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(TestPostgres.datasourceArguments()));
        try {
            arguments.add("--workbench.data-dir=" + Files.createTempDirectory("workbench-" + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        arguments.addAll(List.of("--server.port=0", "--workbench.demo=true", "--workbench.node.id=" + id,
                "--spring.main.banner-mode=off", "--workbench.presence.heartbeat=2s", "--workbench.presence.timeout=10s"));
        arguments.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkbenchApplication.class,
                FastPasswordHashing.class).run(arguments.toArray(String[]::new));
        if (!context.getBean(ClusterBus.class).listening()) {
            context.close();
            throw new IllegalStateException(id + " does not listen to the other nodes");
        }
        return context;
    }

    @Override
    public void close() {
        nodes.reversed().forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }
}
