package dev.replicasmcp.runtime.agent;

import static dev.replicasmcp.runtime.agent.AgentFixture.PATIENCE;
import static dev.replicasmcp.runtime.agent.AgentFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.support.FakeAgentCli;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No turn runs forever: a CLI that goes silent, or runs past the turn's time limit, has its whole process
 * tree ended; the turn closes as not complete with an error naming the limit and its flag, and the chat's
 * queue goes on. The limits are set in milliseconds here; the flags set them in minutes.
 */
class TurnLimitsTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aSilentAgentIsStoppedAndTheQueueGoesOn() throws Exception {
        try (AgentFixture f = fixture(new AgentConfig.TurnLimits(Duration.ofSeconds(60), Duration.ofMillis(700)))) {
            String id = f.replica("silent", "hang on").replica().id();
            List<Long> pids = awaitHangingTree(f);
            f.send(id, AgentFixture.message("then carry on"));

            List<HistoryEvent> events = f.awaitTurns(id, null, 2);
            assertThat(pids).noneMatch(AgentTestSupport::alive);
            List<HistoryEvent> results = events.stream()
                    .filter(e -> e.type().equals("claude-result"))
                    .toList();
            assertThat(payload(results.get(0)).path("subtype").asText()).isEqualTo("error");
            assertThat(payload(results.get(0)).path("errors").path(0).asText())
                    .isEqualTo("The claude agent printed nothing for 700 ms, the silence limit (set with "
                            + "--agent-silence-minutes); its processes were ended and the turn is not complete.");
            assertThat(payload(results.get(1)).path("subtype").asText()).isEqualTo("success");
            assertThat(completions(f, id)).containsExactly(false, true);
            // The session the stopped turn had announced is resumed by the next one.
            assertThat(f.fakes.calls("claude").get(1).after("--resume")).contains("session-1");
        }
    }

    @Test
    void aTurnThatKeepsTalkingIsStoppedAtTheTurnTimeout() throws Exception {
        try (AgentFixture f = fixture(new AgentConfig.TurnLimits(Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
            String id = f.replica("ticking", "keep ticking").replica().id();
            List<HistoryEvent> events = f.awaitTurns(id, null, 1);
            HistoryEvent last = events.get(events.size() - 1);
            assertThat(payload(last).path("errors").path(0).asText())
                    .isEqualTo("The claude agent's turn was stopped after 1 second, the time limit of one turn (set "
                            + "with --turn-timeout-minutes); its processes were ended and the turn is not complete.");
            assertThat(events.stream().filter(e -> e.type().equals("claude-assistant")))
                    .isNotEmpty();
            long pid = f.fakes.calls("claude").get(0).pid();
            await().atMost(PATIENCE).until(() -> !AgentTestSupport.alive(pid));
            assertThat(completions(f, id)).containsExactly(false);
        }
    }

    private AgentFixture fixture(AgentConfig.TurnLimits limits) throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude");
        return new AgentFixture(dir, fakes, fakes.config(true).withLimits(limits));
    }

    private static List<Long> awaitHangingTree(AgentFixture f) throws Exception {
        await().atMost(PATIENCE)
                .until(() -> !f.fakes.calls("claude").isEmpty()
                        && f.fakes.calls("claude").get(0).childPid().isPresent());
        FakeAgentCli.Call call = f.fakes.calls("claude").get(0);
        return List.of(call.pid(), call.childPid().orElseThrow());
    }

    private static List<Boolean> completions(AgentFixture f, String replicaId) throws InterruptedException {
        return f.engineEvents(replicaId).stream()
                .filter(e -> e.type().equals("chat.turn.completed"))
                .map(e -> Boolean.TRUE.equals(e.payload().get("isComplete")))
                .toList();
    }
}
