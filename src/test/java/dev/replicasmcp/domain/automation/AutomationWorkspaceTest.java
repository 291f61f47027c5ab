package dev.replicasmcp.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.support.MutableClock;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an automation's settings do to the replica of a run: workspace_auto_stop_minutes is its inactivity
 * window (other replicas keep the server-wide one), and a failed first turn's execution carries the agent's
 * own error.
 */
class AutomationWorkspaceTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String KEY = "sk-ant-api03-test-4b1d9e7c3a2f-SECRET";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));

    static AutomationInput withWorkspace(
            String name, String environmentId, String prompt, String policy, Integer autoStop, String agent) {
        return new AutomationInput(
                name,
                null,
                List.of(new Triggers.Spec("cron", Map.of("schedule", "0 4 * * *"))),
                prompt,
                environmentId,
                null,
                policy,
                autoStop,
                agent,
                null,
                null,
                null);
    }

    /** Runs the automation once and waits until its execution has ended. */
    static Execution run(TestCore t, Automation automation) {
        Execution started = t.services.runs().trigger(t.caller, automation.id(), null);
        return await().atMost(PATIENCE)
                .until(
                        () -> t.services.automations().listExecutions(t.caller, automation.id(), 1, 10).items().stream()
                                .filter(e -> e.id().equals(started.id()))
                                .findFirst()
                                .orElseThrow(),
                        e -> e.status().terminal());
    }

    /** Read through list_replicas, which never wakes a replica. */
    static ReplicaStatus status(TestCore t, String replicaId) {
        return t.services.replicas().list(t.caller, 1, 100, null, null, null).replicas().stream()
                .filter(r -> r.id().equals(replicaId))
                .findFirst()
                .orElseThrow()
                .status();
    }

    /** Its first turn has finished and no chat is processing (the turn's end is activity at the frozen time). */
    static void awaitIdle(TestCore t, String replicaId) {
        await().atMost(PATIENCE)
                .until(() -> t.services.chats().list(t.caller, replicaId).chats().stream()
                        .noneMatch(c -> c.processing()));
    }

    void pass(TestCore t, Duration later) {
        clock.advance(later);
        t.core.policies().pass();
    }

    @Test
    void anAutomationReplicaSleepsAfterItsAutoStopMinutesWhileOthersKeepTheServerWideWindow() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Environment environment = t.environment("api");
            Automation automation = t.services
                    .automations()
                    .create(t.caller, withWorkspace("short", environment.id(), "Tidy up.", null, 5, null));
            Execution done = run(t, automation);
            assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
            String auto = done.workspaceId();
            assertThat(t.services.replicas().find(t.caller, auto).autoStopMinutes())
                    .isEqualTo(5);
            Replica normal = t.replica("normal", "hello");
            assertThat(normal.autoStopMinutes()).isNull();
            awaitIdle(t, auto);
            awaitIdle(t, normal.id());

            pass(t, Duration.ofMinutes(4));
            assertThat(status(t, auto)).isEqualTo(ReplicaStatus.ACTIVE);
            pass(t, Duration.ofMinutes(2));
            assertThat(status(t, auto)).isEqualTo(ReplicaStatus.SLEEPING);
            assertThat(status(t, normal.id())).isEqualTo(ReplicaStatus.ACTIVE);
            pass(t, Duration.ofMinutes(53)); // 59 minutes idle
            assertThat(status(t, normal.id())).isEqualTo(ReplicaStatus.ACTIVE);
            pass(t, Duration.ofMinutes(2));
            assertThat(status(t, normal.id())).isEqualTo(ReplicaStatus.SLEEPING);
        }
    }

    @Test
    void underDeleteAfterInactivityTheAutomationReplicaIsArchivedAfterItsAutoStopMinutes() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Environment environment = t.environment("api");
            Automation automation = t.services
                    .automations()
                    .create(
                            t.caller,
                            withWorkspace(
                                    "temporary", environment.id(), "Tidy up.", "delete_after_inactivity", 5, null));
            String auto = run(t, automation).workspaceId();
            Replica normal = t.replica("normal", "hello");
            awaitIdle(t, auto);
            awaitIdle(t, normal.id());

            pass(t, Duration.ofMinutes(4));
            assertThat(status(t, auto)).isEqualTo(ReplicaStatus.ACTIVE);
            pass(t, Duration.ofMinutes(2));
            assertThat(status(t, auto)).isEqualTo(ReplicaStatus.ARCHIVED);
            assertThat(t.home(auto)).isDirectory();
            assertThat(status(t, normal.id())).isEqualTo(ReplicaStatus.ACTIVE);
        }
    }

    @Test
    void aFailedFirstTurnRecordsTheAgentsOwnErrorRedacted() throws Exception {
        try (TestCore t = TestCore.withFakeClis(dir, Duration.ZERO)) {
            t.services.agents().set(t.caller, "anthropic_api_key", KEY);
            Environment environment = t.environment("api");
            Automation leaky = t.services
                    .automations()
                    .create(
                            t.caller,
                            withWorkspace("leaky", environment.id(), "print the secret", null, null, "claude"));
            Automation refused = t.services
                    .automations()
                    .create(t.caller, withWorkspace("refused", environment.id(), "fail now", null, null, "claude"));

            Execution leaked = run(t, leaky);
            assertThat(leaked.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(leaked.error())
                    .startsWith("The agent's first turn failed: ")
                    .contains("exit code 2", "debug: using key [redacted]")
                    .doesNotContain(KEY);
            Execution loggedOut = run(t, refused);
            assertThat(loggedOut.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(loggedOut.error())
                    .isEqualTo("The agent's first turn failed: Claude Code reported an error: Invalid API key · "
                            + "Please run /login");
        }
    }

    @Test
    void theAgentsErrorIsAbbreviatedAndAnUnknownOneFallsBackToTheHistory() {
        String reason = FirstTurns.reason("x".repeat(2_000));
        assertThat(reason).startsWith("The agent's first turn failed: xxx").endsWith("x…");
        assertThat(reason.substring("The agent's first turn failed: ".length())).hasSize(FirstTurns.MAX_AGENT_ERROR);
        assertThat(FirstTurns.reason(null)).contains("read_replica_history");
        assertThat(FirstTurns.reason("  ")).contains("read_replica_history");
    }
}
