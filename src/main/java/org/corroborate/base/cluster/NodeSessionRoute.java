package org.corroborate.base.cluster;

import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Sticky sessions for several nodes behind one load balancer: the node id ({@link NodeIdentity},
 * {@code workbench.node.id}) becomes Tomcat's {@code jvmRoute}, so every session id this node hands out
 * ends in {@code .NODE-ID} and the proxy sends a person's requests (a Vaadin UI lives in one node's
 * memory) back to the node that holds the session, by that suffix of the {@code JSESSIONID} cookie
 * (docs/deploy/nginx-two-nodes.conf). A node without a configured id routes by its random one, which
 * no proxy configuration names: set the id on every node behind a proxy.
 */
@Component
class NodeSessionRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String nodeId;

    NodeSessionRoute(NodeIdentity node) {
        this.nodeId = node.id();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
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
