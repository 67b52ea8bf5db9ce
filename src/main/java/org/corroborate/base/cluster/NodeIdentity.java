package org.corroborate.base.cluster;

import java.util.HexFormat;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This application node's name among the nodes sharing one database: {@code workbench.node.id}, or, when
 * that is not set, {@code node-} and six random hex digits chosen at start. The cluster bus stamps it on
 * what it sends, so a node ignores its own notifications; deployments also use it to route sessions.
 */
@Component
public class NodeIdentity {

    private final String id;

    /**
     * @throws IllegalArgumentException when the configured id holds anything but letters, digits, '-'
     *         and '_' (it ends every session id this node hands out, see {@link NodeSessionRoute})
     */
    NodeIdentity(@Value("${workbench.node.id:}") String configured) {
        this.id = configured == null || configured.isBlank() ? random() : configured.strip();
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("workbench.node.id may hold letters, digits, '-' and '_' only (it ends "
                    + "every session id), not '" + configured + "'.");
        }
    }

    /** A node of the given name (for tests and tools). */
    public static NodeIdentity of(String id) {
        return new NodeIdentity(id);
    }

    /** The node's id, e.g. {@code node-3fa29c}. */
    public String id() {
        return id;
    }

    private static String random() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return "node-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return id;
    }
}
