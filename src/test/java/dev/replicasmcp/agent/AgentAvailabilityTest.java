package dev.replicasmcp.agent;

import static dev.replicasmcp.agent.AgentFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.agent.AgentStatus;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.environment.Environment;
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

/** Which agents can run is explicit: unavailable ones are refused with the list of those that can. */
class AgentAvailabilityTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheScriptedFallbackOnlyInstalledClisAreAvailable() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude");
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(false))) {
            Environment environment = f.t.environment("avail");
            var codex = new dev.replicasmcp.domain.replica.CreateReplica("r", "hi", environment.id(), null, null,
                    "codex", null, null, null, null, null);
            assertThatThrownBy(() -> f.t.services.replicas().create(f.t.caller, codex))
                    .hasMessageContaining("Field 'coding_agent'").hasMessageContaining("codex agent is not available")
                    .hasMessageContaining("Available agents: claude (claude-code)");
            String id = f.t.services.replicas().create(f.t.caller, TestCore.create("r", "hi", environment.id()))
                    .replica().id();
            assertThatThrownBy(() -> f.t.services.chats().create(f.t.caller, id, "codex", null))
                    .hasMessageContaining("Field 'provider'").hasMessageContaining("Available agents: claude");
            assertThatThrownBy(() -> f.send(id, new SendMessage("x", null, "cursor", null, null, null, null)))
                    .hasMessageContaining("Field 'coding_agent'").hasMessageContaining("cursor agent is not available");
            f.awaitTurns(id, null, 1);

            Map<String, ReplicaEnvironment.AgentAvailability> agents = f.t.services.replicas()
                    .get(f.t.caller, id, Set.of("environment")).environment().codingAgents();
            assertThat(agents.get("claude")).isEqualTo(new ReplicaEnvironment.AgentAvailability(true, "none",
                    "claude-code"));
            assertThat(agents.get("codex")).isEqualTo(new ReplicaEnvironment.AgentAvailability(false, "none", "none"));
            f.t.services.agents().set(f.t.caller, "anthropic_api_key", "sk-ant-api03-availability-test-key");
            assertThat(f.t.services.replicas().get(f.t.caller, id, Set.of("environment")).environment()
                    .codingAgents().get("claude").authMethod()).isEqualTo("api_key");
        }
    }

    @Test
    void theChoiceOfRunnerIsVisibleAndAConfiguredCommandWins() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude", "codex");
        // pi prints Claude Code's format; codex is forced to the scripted agent although one is installed.
        Map<CodingAgent, String> commands = Map.of(CodingAgent.PI, "claude:" + fakes.bin.resolve("claude"),
                CodingAgent.CODEX, "scripted", CodingAgent.CURSOR, "codex:/nowhere/cursor-cli");
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(true, commands))) {
            List<AgentStatus> statuses = f.t.services.agents().statuses(f.t.caller.organizationId(), List.of());
            assertThat(statuses).extracting(s -> s.agent().wire() + "=" + s.choice().runner()).containsExactly(
                    "claude=claude-code", "codex=scripted", "cursor=none", "opencode=scripted", "pi=claude-code");
            assertThat(statuses.get(0).choice().reason()).isEqualTo("found on the PATH");
            assertThat(statuses.get(2).choice().reason()).contains("/nowhere/cursor-cli").contains("not an executable");
            assertThat(statuses.get(4).choice().command()).isEqualTo(fakes.bin.resolve("claude").toString());

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
    void aCliInstalledLaterAnswersTheNextTurnAndStartsItsOwnSession() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, "claude");
        Path aside = Files.move(fakes.bin.resolve("claude"), dir.resolve("claude-aside"));
        try (AgentFixture f = new AgentFixture(dir, fakes, fakes.config(true))) {
            String id = f.replica("later", "hello").replica().id();
            f.awaitTurns(id, null, 1);
            assertThat(f.threadId(id, null)).startsWith("scripted-");
            assertThat(f.fakes.calls("claude")).isEmpty();

            Files.move(aside, fakes.bin.resolve("claude"));
            f.send(id, AgentFixture.message("now with the CLI"));
            f.awaitTurns(id, null, 2);
            assertThat(f.fakes.calls("claude")).singleElement()
                    .satisfies(call -> assertThat(call.args()).doesNotContain("--resume"));
            assertThat(f.threadId(id, null)).isEqualTo("session-1");
        }
    }
}
