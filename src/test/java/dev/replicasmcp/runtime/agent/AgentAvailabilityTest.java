package dev.replicasmcp.runtime.agent;

import static dev.replicasmcp.runtime.agent.AgentFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.agent.AgentStatus;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaEnvironment;
import dev.replicasmcp.support.FakeAgentCli;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents are what they say they are: a named agent that cannot run is refused with the list of those that
 * can, the default is the first installed CLI else scripted, and whatever answers is what is recorded.
 */
class AgentAvailabilityTest {

    @TempDir
    Path dir;

    @Test
    void aNamedAgentThatIsNotInstalledIsRefusedAndNothingIsCreated() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude");
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(true))) {
            Environment environment = f.t.environment("avail");
            var codex =
                    new CreateReplica("r", "hi", environment.id(), null, null, "codex", null, null, null, null, null);
            assertThatThrownBy(() -> f.t.services.replicas().create(f.t.caller, codex))
                    .hasMessageContaining("Field 'coding_agent'")
                    .hasMessageContaining("codex agent is not available")
                    .hasMessageContaining("Available agents: claude (claude-code), scripted (scripted).")
                    .hasMessageContaining("--agent-command codex=/path/to/codex");
            assertThat(f.t.services
                            .replicas()
                            .list(f.t.caller, null, null, null, null, null)
                            .replicas())
                    .isEmpty();

            String id = f.t.services
                    .replicas()
                    .create(f.t.caller, TestCore.create("r", "hi", environment.id()))
                    .replica()
                    .id();
            f.awaitTurns(id, null, 1);
            assertThatThrownBy(() -> f.t.services.chats().create(f.t.caller, id, "codex", null))
                    .hasMessageContaining("Field 'provider'")
                    .hasMessageContaining("Available agents: claude");
            assertThatThrownBy(() -> f.send(id, new SendMessage("x", null, "cursor", null, null, null, null)))
                    .hasMessageContaining("Field 'coding_agent'")
                    .hasMessageContaining("cursor agent is not available")
                    .hasMessageContaining("--agent-command cursor=claude:/path/to/cli");
            assertThat(f.t.services.chats().list(f.t.caller, id).chats()).hasSize(1);

            Map<String, ReplicaEnvironment.AgentAvailability> agents = f.t.services
                    .replicas()
                    .get(f.t.caller, id, Set.of("environment"))
                    .environment()
                    .codingAgents();
            assertThat(agents.get("claude"))
                    .isEqualTo(new ReplicaEnvironment.AgentAvailability(true, "none", "claude-code"));
            assertThat(agents.get("codex")).isEqualTo(new ReplicaEnvironment.AgentAvailability(false, "none", "none"));
            assertThat(agents.get("scripted"))
                    .isEqualTo(new ReplicaEnvironment.AgentAvailability(true, "scripted", "scripted"));
            f.t.services.agents().set(f.t.caller, "anthropic_api_key", "sk-ant-api03-availability-test-key");
            assertThat(f.t.services
                            .replicas()
                            .get(f.t.caller, id, Set.of("environment"))
                            .environment()
                            .codingAgents()
                            .get("claude")
                            .authMethod())
                    .isEqualTo("api_key");
        }
    }

    @Test
    void withNoAgentNamedTheFirstInstalledOfClaudeAndCodexElseScriptedAnswersAndSaysSo() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "codex");
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(true))) {
            Replica onCodex = f.replica("first", "hello").replica();
            assertThat(onCodex.codingAgent()).isEqualTo(CodingAgent.CODEX);
            f.awaitTurns(onCodex.id(), null, 1);
            assertThat(f.t.services.chats().list(f.t.caller, onCodex.id()).chats())
                    .extracting(c -> c.provider())
                    .containsExactly(CodingAgent.CODEX);
        }
        Files.delete(fakes.bin.resolve("codex"));
        try (AgentFixture f = new AgentFixture(dir.resolve("second"), fakes, fakes.config(true))) {
            Replica scripted = f.replica("second", "hello").replica();
            assertThat(scripted.codingAgent()).isEqualTo(CodingAgent.SCRIPTED);
            List<HistoryEvent> events = f.awaitTurns(scripted.id(), null, 1);
            // The scripted agent answers as itself, in Claude Code's shapes, and the history says who it was.
            assertThat(AgentFixture.types(events)).containsExactly("claude-user", "claude-assistant", "claude-result");
            assertThat(payload(events.get(1))
                            .path("message")
                            .path("content")
                            .path(0)
                            .path("text")
                            .asText())
                    .isEqualTo("Scripted agent received: hello");
            assertThat(f.t.services
                            .history()
                            .read(f.t.caller, scripted.id(), null, null, null)
                            .codingAgent())
                    .isEqualTo(CodingAgent.SCRIPTED);
        }
        try (AgentFixture f = new AgentFixture(dir.resolve("third"), fakes, fakes.config(false))) {
            Environment environment = f.t.environment("none");
            assertThatThrownBy(() ->
                            f.t.services.replicas().create(f.t.caller, TestCore.create("r", "hi", environment.id())))
                    .hasMessageContaining("Field 'coding_agent' was not given and no agent is available")
                    .hasMessageContaining("No agent is available.");
        }
    }

    @Test
    void theDefaultAgentCanBeSetAndAnAgentSetToScriptedIsRecordedAsScripted() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude", "codex");
        AgentConfig config =
                fakes.config(true, Map.of(CodingAgent.CODEX, "scripted")).withDefaultAgent(CodingAgent.CODEX);
        try (AgentFixture f = new AgentFixture(dir, fakes, config)) {
            Replica replica = f.replica("aliased", "hello").replica();
            assertThat(replica.codingAgent()).isEqualTo(CodingAgent.SCRIPTED);
            f.awaitTurns(replica.id(), null, 1);
            assertThat(f.t.services
                            .chats()
                            .create(f.t.caller, replica.id(), "codex", null)
                            .provider())
                    .isEqualTo(CodingAgent.SCRIPTED);
            assertThat(f.send(replica.id(), new SendMessage("to claude", null, "claude", null, null, null, null))
                            .chatId())
                    .isNotNull();
            assertThat(f.t.services.chats().list(f.t.caller, replica.id()).chats())
                    .extracting(c -> c.provider())
                    .contains(CodingAgent.CLAUDE);
            assertThat(f.fakes.calls("codex")).isEmpty();
        }
    }

    @Test
    void theChoiceOfRunnerIsVisibleAndAConfiguredCommandWins() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude", "codex");
        // pi prints Claude Code's format; codex is set to the scripted agent although one is installed.
        Map<CodingAgent, String> commands = Map.of(
                CodingAgent.PI,
                "claude:" + fakes.bin.resolve("claude"),
                CodingAgent.CODEX,
                "scripted",
                CodingAgent.CURSOR,
                "codex:/nowhere/cursor-cli");
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(true, commands))) {
            List<AgentStatus> statuses = f.t.services.agents().statuses(f.t.caller.organizationId(), List.of());
            assertThat(statuses)
                    .extracting(s -> s.agent().wire() + "=" + s.choice().runner())
                    .containsExactly(
                            "claude=claude-code",
                            "codex=scripted",
                            "cursor=none",
                            "opencode=none",
                            "pi=claude-code",
                            "scripted=scripted");
            assertThat(statuses.get(0).choice().reason()).isEqualTo("found on the PATH");
            assertThat(statuses.get(2).choice().reason())
                    .contains("/nowhere/cursor-cli")
                    .contains("not an executable");
            assertThat(statuses.get(4).choice().command())
                    .isEqualTo(fakes.bin.resolve("claude").toString());

            String id = f.replica("pi-replica", "hello").replica().id();
            f.awaitTurns(id, null, 1);
            String pi = f.t.services.chats().create(f.t.caller, id, "pi", null).id();
            f.send(id, new SendMessage("from pi", pi, null, null, null, null, null));
            List<HistoryEvent> events = f.awaitTurns(id, pi, 1);
            assertThat(AgentFixture.types(events)).contains("claude-system", "claude-result");
            assertThat(f.fakes.calls("claude")).hasSize(2);
        }
    }

    @Test
    void aCliThatIsGoneWhenTheTurnStartsFailsTheTurnAndTheChatGoesOn() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude");
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(false))) {
            String id = f.replica("gone", "hello").replica().id();
            f.awaitTurns(id, null, 1);
            Files.delete(fakes.bin.resolve("claude"));
            f.send(id, AgentFixture.message("are you there"));
            List<HistoryEvent> events = f.awaitTurns(id, null, 2);
            HistoryEvent last = events.get(events.size() - 1);
            assertThat(payload(last).path("subtype").asText()).isEqualTo("error");
            assertThat(payload(last).path("errors").path(0).asText())
                    .contains("claude agent is not available on this server");
            assertThat(f.idle(id)).isTrue();
            assertThat(AgentFixture.types(events).subList(events.size() - 2, events.size()))
                    .containsExactly("claude-user", "claude-result");
        }
    }

    @Test
    void aScriptedChatStaysScriptedWhenACliIsInstalledAndTheScriptedAgentNeverAnswersForAnother() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude");
        Path aside = Files.move(fakes.bin.resolve("claude"), dir.resolve("claude-aside"));
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(true))) {
            String id = f.replica("later", "hello").replica().id();
            f.awaitTurns(id, null, 1);
            assertThat(f.threadId(id, null)).startsWith("scripted-");

            Files.move(aside, fakes.bin.resolve("claude"));
            f.send(id, AgentFixture.message("still scripted"));
            f.awaitTurns(id, null, 2);
            assertThat(f.fakes.calls("claude")).isEmpty();
            // Once installed, claude is the default of new replicas.
            String onClaude = f.replica("later-2", "hello").replica().id();
            f.awaitTurns(onClaude, null, 1);
            assertThat(f.fakes.calls("claude"))
                    .singleElement()
                    .satisfies(call -> assertThat(call.args()).doesNotContain("--resume"));

            // A claude chat whose CLI is gone fails its turn; it is not quietly answered by the scripted agent.
            Files.delete(fakes.bin.resolve("claude"));
            f.send(onClaude, AgentFixture.message("anyone?"));
            List<HistoryEvent> events = f.awaitTurns(onClaude, null, 2);
            assertThat(payload(events.get(events.size() - 1))
                            .path("errors")
                            .path(0)
                            .asText())
                    .contains("claude agent is not available on this server");
            assertThat(events).noneSatisfy(e -> assertThat(e.toString()).contains("Scripted agent"));
        }
    }
}
