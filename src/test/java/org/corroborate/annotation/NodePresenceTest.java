package org.corroborate.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Presence in one node: a view that stops beating leaves after the timeout; one that beats stays. */
class NodePresenceTest {

    private Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aSilentViewLeavesAfterTheTimeoutAndABeatingOneStays() {
        NodePresence presence = new NodePresence(clock, Duration.ofSeconds(20), Duration.ofSeconds(55));
        presence.beat(1, "a", "alice");
        presence.beat(1, "b", "bob");
        presence.beat(2, "c", "carol");
        assertThat(presence.present(1)).containsExactly("alice", "bob");
        now = now.plusSeconds(40);
        presence.beat(1, "a", "alice");
        now = now.plusSeconds(20);
        assertThat(presence.present(1)).as("bob's browser went silent 60 s ago").containsExactly("alice");
        assertThat(presence.present(2)).isEmpty();
        presence.leave(1, "a");
        assertThat(presence.present(1)).isEmpty();
        assertThat(presence.heartbeat()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theTimeoutMustOutlastTheHeartbeat() {
        assertThatThrownBy(() -> new NodePresence(clock, Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .hasMessageContaining("workbench.presence.timeout");
    }
}
