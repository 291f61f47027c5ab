package dev.replicasmcp.runtime.agent;

import static dev.replicasmcp.runtime.agent.AgentFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.support.FakeAgentCli;
import dev.replicasmcp.support.TestCore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent credentials: stored encrypted per organization, never shown, handed to agents as env vars. */
class AgentCredentialTest {

    static final String ANTHROPIC = "sk-ant-api03-test-7f3a9c2e1b4d-SECRET";
    static final String OPENAI = "sk-proj-test-5e8d1c0a9b7f-SECRET";
    /** What an agent may find in its environment: nothing else of the server's own. */
    static final Set<String> ALLOWED = Set.of(
            "PATH",
            "HOME",
            "LANG",
            "LC_ALL",
            "TZ",
            "USER",
            "LOGNAME",
            "PWD",
            "SHLVL",
            "_",
            "ANTHROPIC_API_KEY",
            "CLAUDE_CODE_OAUTH_TOKEN",
            "OPENAI_API_KEY",
            "CODEX_API_KEY",
            "PROJECT_FLAG",
            "REPLICAS_DATA_ID",
            "REPLICAS_SERVER_PID",
            "REPLICAS_WORKSPACE",
            "REPLICAS_REPLICA_ID",
            "REPLICAS_CHAT_ID");

    @TempDir
    Path dir;

    AgentFixture f;
    AgentService agents;

    @BeforeEach
    void start() throws Exception {
        f = AgentFixture.withFakes(dir, "claude", "codex");
        agents = f.t.services.agents();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aCredentialIsStoredEncryptedAndOnlyItsHintIsEverShown() throws Exception {
        AgentService.Saved first = agents.set(f.t.caller, "anthropic_api_key", "  " + ANTHROPIC + "\n");
        assertThat(first.created()).isTrue();
        assertThat(first.credential().hint()).isEqualTo("sk-ant-…CRET");
        AgentService.Saved again = agents.set(f.t.caller, "anthropic_api_key", ANTHROPIC.replace("SECRET", "OTHER1"));
        assertThat(again.created()).isFalse();
        assertThat(again.credential().createdAt()).isEqualTo(first.credential().createdAt());
        assertThat(again.credential().hint()).isEqualTo("sk-ant-…HER1");
        String listed = new ObjectMapper().writeValueAsString(agents.list(f.t.caller));
        assertThat(listed).contains("sk-ant-…HER1").doesNotContain("7f3a9c2e1b4d");
        String db = Files.readString(f.t.dataDir().resolve("replicas.db"), StandardCharsets.ISO_8859_1)
                + Files.readString(f.t.dataDir().resolve("replicas.db-wal"), StandardCharsets.ISO_8859_1);
        assertThat(db).contains("anthropic_api_key").doesNotContain("7f3a9c2e1b4d");

        agents.delete(f.t.caller, "anthropic_api_key");
        assertThat(agents.list(f.t.caller)).isEmpty();
        assertThatThrownBy(() -> agents.delete(f.t.caller, "anthropic_api_key"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("list_agent_credentials");
    }

    @Test
    void badValuesAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> agents.set(f.t.caller, "anthropic_api_key", "not-a-key-9a8b7c6d"))
                .hasMessageContaining("sk-ant-")
                .hasMessageNotContaining("9a8b7c6d");
        assertThatThrownBy(() -> agents.set(f.t.caller, "bedrock", "{\"access_key_id\": \"AKIA1234567890\"}"))
                .hasMessageContaining("secret_access_key")
                .hasMessageNotContaining("AKIA1234567890");
        assertThatThrownBy(() -> agents.set(f.t.caller, "openai_oauth", "{not json 5f4e3d"))
                .hasMessageContaining("auth.json")
                .hasMessageNotContaining("5f4e3d");
        assertThatThrownBy(() -> agents.set(f.t.caller, "github_token", "x")).hasMessageContaining("'kind'");
        assertThatThrownBy(() -> agents.set(f.t.caller, "openai_api_key", " ")).hasMessageContaining("'value'");
    }

    @Test
    void theAgentGetsItsCredentialAndTheEnvironmentsVariablesAndNothingElse() throws Exception {
        agents.set(f.t.caller, "anthropic_api_key", ANTHROPIC);
        agents.set(f.t.caller, "openai_api_key", OPENAI);
        Environment environment = f.t.environment("creds-env");
        f.t.services.contents().variables().create(f.t.caller, environment.id(), "PROJECT_FLAG", "on");
        ReplicaService.Created created =
                f.t.services.replicas().create(f.t.caller, TestCore.create("creds", "hello", environment.id()));
        f.awaitTurns(created.replica().id(), null, 1);

        FakeAgentCli.Call call = f.fakes.calls("claude").get(0);
        assertThat(call.env())
                .containsEntry("ANTHROPIC_API_KEY", ANTHROPIC)
                .containsEntry("PROJECT_FLAG", "on")
                .containsEntry("HOME", created.provisioning().workspacePath())
                .doesNotContainKeys("OPENAI_API_KEY", "REPLICAS_SECRET_KEY", "REPLICAS_API_KEY");
        assertThat(ALLOWED).containsAll(call.env().keySet());

        String chat = f.t.services
                .chats()
                .create(f.t.caller, created.replica().id(), "codex", null)
                .id();
        f.send(
                created.replica().id(),
                new dev.replicasmcp.domain.chat.SendMessage("hi", chat, null, null, null, null, null));
        f.awaitTurns(created.replica().id(), chat, 1);
        assertThat(f.fakes.calls("codex").get(0).env())
                .containsEntry("OPENAI_API_KEY", OPENAI)
                .containsEntry("CODEX_API_KEY", OPENAI)
                .doesNotContainKey("ANTHROPIC_API_KEY");
    }

    @Test
    void secretsThatTheAgentPrintsAreMaskedInHistoryAndErrors() throws Exception {
        agents.set(f.t.caller, "anthropic_api_key", ANTHROPIC);
        String id = f.replica("leaky", "print the secret").replica().id();
        List<HistoryEvent> events = f.awaitTurns(id, null, 1);

        String all = new ObjectMapper().writeValueAsString(events);
        assertThat(all).doesNotContain(ANTHROPIC).contains("the key is [redacted]");
        HistoryEvent last = events.get(events.size() - 1);
        assertThat(payload(last).path("errors").path(0).asText())
                .contains("exit code 2")
                .contains("debug: using key [redacted]");
    }

    @Test
    void oauthIsPreferredAndCodexGetsItsAuthFileOwnerOnly() throws Exception {
        agents.set(f.t.caller, "anthropic_api_key", ANTHROPIC);
        agents.set(f.t.caller, "claude_oauth", "sk-ant-oat01-test-oauth-token-0123456789");
        String authJson =
                "{\"tokens\": {\"access_token\": \"oauth-access-3c2b1a\", \"refresh_token\": \"r-9f8e7d6c\"}}";
        agents.set(f.t.caller, "openai_oauth", authJson);
        ReplicaService.Created created = f.replica("oauth", "hello");
        String id = created.replica().id();
        f.awaitTurns(id, null, 1);

        assertThat(f.fakes.calls("claude").get(0).env())
                .containsKey("CLAUDE_CODE_OAUTH_TOKEN")
                .doesNotContainKey("ANTHROPIC_API_KEY");
        var environment = f.t.services
                .replicas()
                .get(f.t.caller, id, Set.of("environment"))
                .environment();
        assertThat(environment.codingAgents().get("claude").authMethod()).isEqualTo("oauth");
        assertThat(environment.codingAgents().get("codex").authMethod()).isEqualTo("oauth");

        String chat = f.t.services.chats().create(f.t.caller, id, "codex", null).id();
        f.send(id, new dev.replicasmcp.domain.chat.SendMessage("hi", chat, null, null, null, null, null));
        f.awaitTurns(id, chat, 1);
        Path auth = Path.of(created.provisioning().workspacePath(), ".codex", "auth.json");
        assertThat(Files.readString(auth)).isEqualTo(authJson);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth)))
                .isEqualTo("rw-------");
        assertThat(f.fakes.calls("codex").get(0).env()).doesNotContainKeys("OPENAI_API_KEY", "CODEX_API_KEY");
    }
}
