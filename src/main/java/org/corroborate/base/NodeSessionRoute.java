package org.corroborate.base;

import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Sticky sessions for several nodes behind one load balancer: the node id ({@code workbench.node.id})
 * becomes Tomcat's {@code jvmRoute}, so every session id this node hands out ends in {@code .NODE-ID}
 * and the proxy sends a person's requests (a Vaadin UI lives in one node's memory) back to the node
 * that holds the session, by that suffix of the {@code JSESSIONID} cookie (docs/deploy/nginx-two-nodes.conf).
 * Without a node id, session ids carry no route, as on a single node.
 */
@Component
class NodeSessionRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String nodeId;

    NodeSessionRoute(@Value("${workbench.node.id:}") String nodeId) {
        this.nodeId = nodeId.strip();
        if (!this.nodeId.matches("[A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("workbench.node.id may hold letters, digits, '-' and '_' only (it ends "
                    + "every session id), not '" + nodeId + "'.");
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (nodeId.isEmpty()) {
            return;
        }
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            while (parent != null && !(parent instanceof Engine)) {
                parent = parent.getParent();
            }
            if (parent instanceof Engine engine) {
                engine.setJvmRoute(nodeId);
            }
        });
    }
}
