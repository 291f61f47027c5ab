package dev.replicasmcp.runtime.agent;

import static dev.replicasmcp.runtime.agent.AgentFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.support.FakeAgentCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codex chats run a Codex CLI (a fake on the PATH) whose JSON events become event_msg / response_item. */
class CodexAgentTest {

    @TempDir
    Path dir;

    AgentFixture f;
    String replicaId;
    String chatId;
    Path home;

    @BeforeEach
    void start() throws Exception {
        f = AgentFixture.withFakes(dir, "codex");
        // The replica starts on the scripted agent, so every codex call is one of this test's turns.
        ReplicaService.Created created = f.replica("codex-host", "hello", "scripted");
        replicaId = created.replica().id();
        home = Path.of(created.provisioning().workspacePath());
        f.awaitTurns(replicaId, null, 1);
        Chat chat = f.t.services.chats().create(f.t.caller, replicaId, "codex", "Codex");
        chatId = chat.id();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void send(String text, String model, Boolean plan, String thinking) {
        f.send(replicaId, new SendMessage(text, chatId, null, model, null, plan, thinking));
    }

    @Test
    void aTurnBecomesCodexShapedHistoryAndEditsTheWorkspace() throws Exception {
        send("edit the notes", null, null, null);
        List<HistoryEvent> events = f.awaitTurns(replicaId, chatId, 1);

        assertThat(AgentFixture.types(events)).first().isEqualTo("codex-user");
        assertThat(AgentFixture.types(events).subList(1, events.size())).containsOnly("codex-assistant");
        List<String> shapes = events.stream()
                .map(e -> e.payload().type() + ":" + payload(e).path("type").asText()
                        + (payload(e).has("name")
                                ? ":" + payload(e).path("name").asText()
                                : ""))
                .toList();
        assertThat(shapes)
                .containsExactly(
                        "event_msg:user_message",
                        "event_msg:agent_reasoning",
                        "response_item:function_call:shell_command",
                        "response_item:function_call_output",
                        "response_item:custom_tool_call:apply_patch",
                        "response_item:custom_tool_call_output",
                        "response_item:function_call:update_plan",
                        "response_item:message",
                        "event_msg:agent_reasoning");
        assertThat(payload(events.get(0)).path("message").asText()).isEqualTo("edit the notes");
        assertThat(payload(events.get(2)).path("arguments").asText()).contains("bash -lc ls");
        assertThat(payload(events.get(3)).path("output").asText())
                .contains("Exit code: 0")
                .contains("README.md");
        assertThat(payload(events.get(4)).path("input").asText()).contains("*** Add File: codex-notes.txt");
        JsonNode patchResult = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(payload(events.get(5)).path("output").asText());
        assertThat(patchResult.path("metadata").path("exit_code").asInt()).isZero();
        assertThat(payload(events.get(7)).path("content").path(0).path("text").asText())
                .isEqualTo("Codex edited codex-notes.txt.");
        assertThat(payload(events.get(8)).path("text").asText()).isEqualTo("Turn complete.");
        assertThat(f.threadId(replicaId, chatId)).isEqualTo("thread-1");
        assertThat(Files.readString(AgentTestSupport.workFolder(home).resolve("codex-notes.txt")))
                .contains("edited by fake codex, call 1");

        FakeAgentCli.Call call = f.fakes.calls("codex").get(0);
        assertThat(call.args())
                .startsWith("exec", "--json")
                .endsWith("--", "edit the notes")
                .doesNotContain("resume", "--model");
        assertThat(call.after("--sandbox")).contains("workspace-write");
        assertThat(call.after("--cd"))
                .contains(AgentTestSupport.workFolder(home).toString());
    }

    @Test
    void theNextTurnResumesTheThreadWithModelEffortPlanAndImages() throws Exception {
        send("first", null, null, null);
        f.awaitTurns(replicaId, chatId, 1);
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        f.send(
                replicaId,
                new SendMessage(
                        "look at this",
                        chatId,
                        null,
                        "gpt-5-codex",
                        List.of(new Image("base64", "image/png", png, null)),
                        true,
                        "ultra"));
        f.awaitTurns(replicaId, chatId, 2);

        FakeAgentCli.Call call = f.fakes.calls("codex").get(1);
        assertThat(call.after("resume")).contains("thread-1");
        assertThat(call.after("--model")).contains("gpt-5-codex");
        assertThat(call.after("--sandbox")).contains("read-only");
        // Codex takes its efforts as named, ultra and max included.
        assertThat(call.after("--config")).contains("model_reasoning_effort=\"ultra\"");
        Path image = Path.of(call.after("--image").orElseThrow());
        assertThat(image).startsWith(home).hasBinaryContent(Base64.getDecoder().decode(png));
        assertThat(call.prompt()).startsWith("look at this").contains("Attached images: " + image);
    }

    @Test
    void aFailedTurnSaysWhyAndTheChatGoesOn() throws Exception {
        send("please fail", null, null, null);
        List<HistoryEvent> failed = f.awaitTurns(replicaId, chatId, 1);
        HistoryEvent last = failed.get(failed.size() - 1);
        assertThat(payload(last).path("text").asText())
                .isEqualTo("Turn failed: Codex reported a failed turn: stream disconnected before completion");
        assertThat(failed)
                .anySatisfy(e -> assertThat(payload(e).path("text").asText()).isEqualTo("Error: Reconnecting... 1/1"));

        send("crash please", null, null, null);
        List<HistoryEvent> crashed = f.awaitTurns(replicaId, chatId, 2);
        assertThat(payload(crashed.get(crashed.size() - 1)).path("text").asText())
                .startsWith("Turn failed: The codex agent stopped before finishing the turn (exit code 9)");

        send("now work", null, null, null);
        List<HistoryEvent> done = f.awaitTurns(replicaId, chatId, 3);
        assertThat(payload(done.get(done.size() - 1)).path("text").asText()).isEqualTo("Turn complete.");
        assertThat(f.fakes.calls("codex").get(2).after("resume")).contains("thread-1");
    }
}
