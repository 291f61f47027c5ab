package dev.replicasmcp.runtime.agent;

import static dev.replicasmcp.runtime.agent.AgentFixture.PATIENCE;
import static dev.replicasmcp.runtime.agent.AgentFixture.payload;
import static dev.replicasmcp.runtime.agent.AgentFixture.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.event.StreamEvent;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.support.FakeAgentCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claude chats run a Claude Code CLI (a fake on the PATH) and stream its stream-json into history. */
class ClaudeAgentTest {

    @TempDir
    Path dir;

    AgentFixture f;

    @BeforeEach
    void start() throws Exception {
        f = AgentFixture.withFakes(dir, "claude");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aTurnStreamsTheTranscriptIntoHistoryAndEditsTheWorkspace() throws Exception {
        ReplicaService.Created created = f.replica("claude-one", "add a note");
        String id = created.replica().id();
        List<HistoryEvent> events = f.awaitTurns(id, null, 1);

        assertThat(types(events))
                .containsExactly(
                        "claude-user",
                        "claude-system",
                        "claude-assistant",
                        "claude-assistant",
                        "claude-user",
                        "claude-assistant",
                        "claude-result");
        assertThat(payload(events.get(0))
                        .path("message")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asText())
                .isEqualTo("add a note");
        assertThat(payload(events.get(1)).path("subtype").asText()).isEqualTo("init");
        assertThat(payload(events.get(2))
                        .path("message")
                        .path("content")
                        .path(0)
                        .path("type")
                        .asText())
                .isEqualTo("thinking");
        assertThat(payload(events.get(2))
                        .path("message")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asText())
                .isEqualTo("Let me look at notes.txt.");
        assertThat(payload(events.get(3))
                        .path("message")
                        .path("content")
                        .path(1)
                        .path("name")
                        .asText())
                .isEqualTo("Edit");
        assertThat(payload(events.get(4))
                        .path("message")
                        .path("content")
                        .path(0)
                        .path("type")
                        .asText())
                .isEqualTo("tool_result");
        assertThat(payload(events.get(6)).path("subtype").asText()).isEqualTo("success");
        assertThat(f.threadId(id, null)).isEqualTo("session-1");

        Path home = Path.of(created.provisioning().workspacePath());
        Path repository = AgentTestSupport.workFolder(home);
        assertThat(Files.readString(repository.resolve("notes.txt"))).contains("edited by fake claude, call 1");
        FakeAgentCli.Call call = f.fakes.calls("claude").get(0);
        assertThat(call.args())
                .startsWith("-p", "add a note")
                .contains("--output-format", "stream-json", "--verbose")
                .doesNotContain("--resume", "--model", "--effort");
        assertThat(call.after("--permission-mode")).contains("acceptEdits");
        assertThat(call.cwd()).isEqualTo(repository.toString());
        assertThat(call.env()).containsEntry("HOME", home.toString());

        List<String> engine = f.engineEvents(id).stream()
                .map(StreamEvent::type)
                .filter(type -> type.startsWith("chat.turn"))
                .toList();
        assertThat(engine)
                .startsWith("chat.turn.accepted", "chat.turn.started")
                .endsWith("chat.turn.completed")
                .filteredOn("chat.turn.delta"::equals)
                .hasSize(7);
    }

    @Test
    void laterTurnsResumeTheSessionWithTheirModelThinkingAndPlanFlags() throws Exception {
        ReplicaService.Created created = f.replica("claude-resume", "first");
        String id = created.replica().id();
        f.awaitTurns(id, null, 1);
        f.send(id, new SendMessage("second", null, null, "opus", null, null, "max"));
        f.awaitTurns(id, null, 2);
        // With exactly one repository cloned under ~/workspaces, the agent works in it.
        Path repository =
                AgentTestSupport.workFolder(Path.of(created.provisioning().workspacePath()));
        f.send(id, AgentFixture.message("/plan think about it"));
        f.awaitTurns(id, null, 3);

        List<FakeAgentCli.Call> calls = f.fakes.calls("claude");
        assertThat(calls.get(1).after("--resume")).contains("session-1");
        assertThat(calls.get(1).after("--model")).contains("opus");
        assertThat(calls.get(1).after("--effort")).contains("max");
        assertThat(calls.get(2).after("--resume")).contains("session-1");
        assertThat(calls.get(2).after("--permission-mode")).contains("plan");
        assertThat(calls.get(2).prompt()).isEqualTo("think about it");
        assertThat(calls.get(2).cwd()).isEqualTo(repository.toString());
    }

    @Test
    void historyGrowsWhileTheTurnRuns() throws Exception {
        String id = f.replica("claude-slow", "slow work").replica().id();
        await().atMost(PATIENCE).until(() -> types(f.history(id, null)).contains("claude-assistant"));

        List<HistoryEvent> midTurn = f.history(id, null);
        assertThat(types(midTurn)).containsExactly("claude-user", "claude-system", "claude-assistant");
        assertThat(f.idle(id)).isFalse();
        List<String> engine = f.engineEvents(id).stream().map(StreamEvent::type).toList();
        assertThat(engine).contains("chat.turn.delta").doesNotContain("chat.turn.completed");

        f.fakes.calls("claude").get(0).release();
        List<HistoryEvent> done = f.awaitTurns(id, null, 1);
        assertThat(done.subList(0, 3)).isEqualTo(midTurn);
        assertThat(payload(done.get(3))
                        .path("message")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asText())
                .isEqualTo("second step");
    }

    @Test
    void anErrorResultFailsTheTurnOnceAndTheQueueMovesOn() throws Exception {
        String id = f.replica("claude-fail", "please fail").replica().id();
        f.send(id, AgentFixture.message("then carry on"));
        List<HistoryEvent> events = f.awaitTurns(id, null, 2);

        List<HistoryEvent> results =
                events.stream().filter(e -> e.type().equals("claude-result")).toList();
        assertThat(results).hasSize(2);
        assertThat(payload(results.get(0)).path("subtype").asText()).isEqualTo("error");
        assertThat(payload(results.get(0)).path("is_error").asBoolean()).isTrue();
        assertThat(payload(results.get(0)).path("errors").path(0).asText()).contains("Invalid API key");
        assertThat(payload(results.get(1)).path("subtype").asText()).isEqualTo("success");
        assertThat(completions(id)).containsExactly(false, true);
    }

    @Test
    void aCrashMidStreamEndsTheTurnWithAnErrorThatSaysWhy() throws Exception {
        String id = f.replica("claude-crash", "crash now").replica().id();
        List<HistoryEvent> events = f.awaitTurns(id, null, 1);

        assertThat(types(events)).containsExactly("claude-user", "claude-system", "claude-assistant", "claude-result");
        assertThat(payload(events.get(3)).path("subtype").asText()).isEqualTo("error");
        assertThat(payload(events.get(3)).path("errors").path(0).asText())
                .contains("stopped before finishing the turn (exit code 137)");
        assertThat(completions(id)).containsExactly(false);

        // The session it announced is resumed by the next turn, which completes.
        f.send(id, AgentFixture.message("carry on"));
        f.awaitTurns(id, null, 2);
        assertThat(f.fakes.calls("claude").get(1).after("--resume")).contains("session-1");
        assertThat(completions(id)).containsExactly(false, true);
    }

    @Test
    void aPromptThatLooksLikeAFlagGoesOnStdin() throws Exception {
        String id = f.replica("claude-dash", "-v is not a flag here").replica().id();
        f.awaitTurns(id, null, 1);
        FakeAgentCli.Call call = f.fakes.calls("claude").get(0);
        assertThat(call.prompt()).isEqualTo("-v is not a flag here");
        assertThat(call.args()).doesNotContain("-v is not a flag here").startsWith("-p", "--output-format");
    }

    @Test
    void deletingTheChatKillsTheAgentsWholeProcessTree() throws Exception {
        String id = f.replica("claude-hang", "hang on").replica().id();
        List<Long> pids = awaitHangingTree();
        f.t.services
                .chats()
                .delete(
                        f.t.caller,
                        id,
                        f.t.services.chats().list(f.t.caller, id).chats().get(0).id());
        awaitGone(pids);
    }

    @Test
    void deletingTheReplicaKillsTheAgentsWholeProcessTree() throws Exception {
        String id = f.replica("claude-hang-2", "hang on").replica().id();
        List<Long> pids = awaitHangingTree();
        f.t.services.replicas().delete(f.t.caller, id);
        awaitGone(pids);
    }

    private List<Long> awaitHangingTree() throws Exception {
        await().atMost(PATIENCE)
                .until(() -> !f.fakes.calls("claude").isEmpty()
                        && f.fakes.calls("claude").get(0).childPid().isPresent());
        FakeAgentCli.Call call = f.fakes.calls("claude").get(0);
        List<Long> pids = List.of(call.pid(), call.childPid().orElseThrow());
        assertThat(pids).allMatch(AgentTestSupport::alive);
        return pids;
    }

    private static void awaitGone(List<Long> pids) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pids).noneMatch(AgentTestSupport::alive));
    }

    private List<Boolean> completions(String replicaId) throws InterruptedException {
        return f.engineEvents(replicaId).stream()
                .filter(e -> e.type().equals("chat.turn.completed"))
                .map(e -> Boolean.TRUE.equals(e.payload().get("isComplete")))
                .toList();
    }
}
