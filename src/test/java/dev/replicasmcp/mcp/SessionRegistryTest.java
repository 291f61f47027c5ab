package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    @Test
    void aSessionIsSentToTheSdkOncePerHalfIdleLimit() {
        AtomicLong now = new AtomicLong();
        SessionRegistry sessions = new SessionRegistry(new SessionLimits(Duration.ofSeconds(10), 5), now::get);
        assertThat(sessions.reserve("k")).isTrue();
        sessions.opened("k", "s1");
        assertThat(sessions.bypass("s1"))
                .as("just opened (the SDK saw its initialize)")
                .isTrue();
        now.set(Duration.ofMillis(4999).toNanos());
        assertThat(sessions.bypass("s1")).isTrue();
        now.set(Duration.ofSeconds(5).toNanos());
        assertThat(sessions.bypass("s1"))
                .as("half the limit since the SDK saw it")
                .isFalse();
        assertThat(sessions.bypass("s1")).as("that request went to the SDK").isTrue();
        now.set(Duration.ofSeconds(10).toNanos());
        assertThat(sessions.bypass("s1")).isFalse();
        assertThat(sessions.bypass("unknown"))
                .as("a session this registry does not hold")
                .isFalse();
    }
}
