package org.corroborate.base.cluster;

import java.time.Instant;

/**
 * One message another node put on the {@link ClusterBus}: the sending node, when its writing
 * transaction was about to commit (or, outside a transaction, when it was sent), and the topic's payload.
 */
public record ClusterMessage<T>(String node, Instant sentAt, T payload) {}
