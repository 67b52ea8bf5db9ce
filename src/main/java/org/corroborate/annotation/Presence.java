package org.corroborate.annotation;

import java.time.Duration;
import java.util.Set;

/**
 * Who has which source open: each open view beats while it lives, and a view whose beats stop (a
 * closed laptop, a crashed browser) drops out after the timeout, without waiting for its session to
 * end. {@link AnnotationBroadcaster} tells the open views who is present. {@link NodePresence} keeps
 * it in each node's memory and shares the beats with the other nodes over the cluster bus.
 */
public interface Presence {

    /** The view {@code viewId} of a source, opened by {@code username}, is alive now (opened, or it beat). */
    void beat(long sourceId, String viewId, String username);

    /** The view closed. */
    void leave(long sourceId, String viewId);

    /** The usernames of everyone with a view of the source that beat within the timeout. */
    Set<String> present(long sourceId);

    /** How often an open view beats. */
    Duration heartbeat();

    /**
     * Calls {@code sourceChanged} with a source's id when a view of it on another node opened or
     * closed, so this node's views can be told at once rather than at their next beat.
     */
    default void whenChangedElsewhere(java.util.function.LongConsumer sourceChanged) {
    }
}
