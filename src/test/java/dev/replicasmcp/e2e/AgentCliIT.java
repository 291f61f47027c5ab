package dev.replicasmcp.e2e;

import static dev.replicasmcp.e2e.Flows.history;
import static dev.replicasmcp.e2e.Flows.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.FakeAgentCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server over stdio with a fake `claude` first on its PATH: the CLI is chosen, given the
 * organization's credential, streamed into history, and killed with its children when the replica goes.
 */
class AgentCliIT {

    static final String KEY = "sk-ant-api03-e2e-4b7c9d1e3f5a-SECRET";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void aClaudeCliOnThePathAnswersTheReplicaWithTheOrganizationsCredential() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(tmp.resolve("fakes"), "claude");
        Path repo = ServerProcess.gitRepository(tmp.resolve("agent-repo"));
        ServerProcess.Options options = new ServerProcess.Options(
                List.of("--agent-command", "codex=scripted"), Map.of("PATH", fakes.path()), progress -> {});
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), 0, logs, options)) {
            JsonNode saved = server.ok("set_agent_credential", Map.of("kind", "anthropic_api_key", "value", KEY));
            assertThat(saved.path("credential").path("hint").asText()).isEqualTo("sk-ant-…CRET");
            JsonNode listed = server.ok("list_agent_credentials", Map.of());
            assertThat(listed.path("credentials")).hasSize(1);
            JsonNode claude = listed.path("agents").path(0);
            assertThat(claude.path("agent").asText()).isEqualTo("claude");
            assertThat(claude.path("runner").asText()).isEqualTo("claude-code");
            assertThat(claude.path("reason").asText()).isEqualTo("found on the PATH");
            assertThat(claude.path("auth_method").asText()).isEqualTo("api_key");
            assertThat(listed.path("agents").path(1).path("runner").asText()).isEqualTo("scripted");

            String replicaId =
                    Flows.replica(server, repo, "cli-replica", "add a note").replicaId();
            await().atMost(PATIENCE)
                    .until(() -> Flows.results(history(server, replicaId, null)).size() == 1);
            List<JsonNode> events = history(server, replicaId, null);
            assertThat(types(events))
                    .containsExactly(
                            "claude-user",
                            "claude-system",
                            "claude-assistant",
                            "claude-assistant",
                            "claude-user",
                            "claude-assistant",
                            "claude-result");
            assertThat(Flows.results(events)).allMatch(Flows::isSuccess);
            JsonNode page = server.ok("read_replica_history", Map.of("replica_id", replicaId));
            assertThat(page.path("thread_id").asText()).isEqualTo("session-1");

            FakeAgentCli.Call call = fakes.calls("claude").get(0);
            assertThat(call.env()).containsEntry("ANTHROPIC_API_KEY", KEY).doesNotContainKey("REPLICAS_SECRET_KEY");
            // The agent works in the repository cloned under ~/workspaces, and edits it there.
            assertThat(Path.of(call.cwd())).startsWith(Path.of(call.env().get("HOME"), "workspaces"));
            assertThat(Files.readString(Path.of(call.cwd(), "notes.txt"))).contains("fake claude");
            JsonNode agents = server.ok("get_replica", Map.of("replica_id", replicaId, "include", "environment"))
                    .path("replica")
                    .path("environment")
                    .path("coding_agents");
            assertThat(agents.path("claude").path("available").asBoolean()).isTrue();
            assertThat(agents.path("claude").path("auth_method").asText()).isEqualTo("api_key");
            assertThat(agents.path("codex").path("runner").asText()).isEqualTo("scripted");

            // A second turn resumes the session; deleting the replica kills the agent and its children.
            server.ok("send_replica_message", Map.of("replica_id", replicaId, "message", "hang on"));
            await().atMost(PATIENCE)
                    .until(() -> fakes.calls("claude").size() == 2
                            && fakes.calls("claude").get(1).childPid().isPresent());
            FakeAgentCli.Call hanging = fakes.calls("claude").get(1);
            assertThat(hanging.after("--resume")).contains("session-1");
            List<Long> pids = List.of(hanging.pid(), hanging.childPid().orElseThrow());
            assertThat(pids)
                    .allMatch(pid ->
                            ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            server.ok("delete_replica", Map.of("replica_id", replicaId));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(pids).noneMatch(AgentCliIT::running));

            assertThat(server.stderr()).contains("Agent claude -> claude-code").doesNotContain(KEY);
            assertThat(listed.toString() + saved).doesNotContain(KEY);
        }
    }

    @Test
    void aNamedAgentThatIsNotInstalledIsRefusedAtOnceAndNothingIsCreated() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(tmp.resolve("fakes"), "claude");
        Path repo = ServerProcess.gitRepository(tmp.resolve("agent-repo"));
        // Only the fake claude and the system's tools: no codex anywhere on the server's PATH.
        ServerProcess.Options options = new ServerProcess.Options(
                List.of("--agent-command", "pi=none"), Map.of("PATH", fakes.bin + ":/usr/bin:/bin"), progress -> {});
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), 0, logs, options)) {
            JsonNode repository = server.ok("add_repository", Map.of("location", repo.toString()))
                    .path("repository");
            String environmentId = server.ok(
                            "create_environment",
                            Map.of(
                                    "name",
                                    "agents-env",
                                    "repository_id",
                                    repository.path("id").asText()))
                    .path("environment")
                    .path("id")
                    .asText();
            String refused = server.error(
                    "create_replica",
                    Map.of(
                            "name",
                            "on-codex",
                            "message",
                            "hello",
                            "environment_id",
                            environmentId,
                            "coding_agent",
                            "codex"));
            assertThat(refused)
                    .contains("Field 'coding_agent'")
                    .contains("codex agent is not available")
                    .contains("Available agents: claude (claude-code), scripted (scripted).")
                    .contains("--agent-command codex=/path/to/codex");
            assertThat(server.ok("list_replicas", Map.of()).path("total").asInt())
                    .isZero();
            String bad = server.error(
                    "create_replica",
                    Map.of(
                            "name",
                            "bad-model",
                            "message",
                            "hello",
                            "environment_id",
                            environmentId,
                            "model",
                            "--dangerously-skip-permissions"));
            assertThat(bad).contains("Field 'model'");
            assertThat(server.ok("list_replicas", Map.of()).path("total").asInt())
                    .isZero();
        }
    }

    @Test
    void agentFlagsThatCannotWorkStopTheServerAtStartWithTheReason() throws Exception {
        assertThat(startFails("--default-agent", "gemini")).contains("--default-agent: unknown agent 'gemini'");
        assertThat(startFails("--default-agent", "codex", "--agent-command", "codex=none"))
                .contains("--default-agent codex: that agent is not available");
        assertThat(startFails("--turn-timeout-minutes", "0")).contains("--turn-timeout-minutes must be between 1");
        assertThat(startFails("--claude-permission-mode", "yolo")).contains("acceptEdits, auto, bypassPermissions");
        if (dev.replicasmcp.runtime.agent.RootCheck.runningAsRoot()) {
            assertThat(startFails("--claude-permission-mode", "bypassPermissions"))
                    .contains("bypassPermissions cannot be used: this server runs as root");
        }
    }

    /** Runs the server with these flags and answers what it printed; it must exit with an error. */
    private String startFails(String... flags) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                ServerProcess.jar().toString(),
                "--data-dir",
                tmp.resolve("flags").toString()));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isNotZero();
        return output;
    }

    /** Not alive, or a zombie waiting for its parent to reap it. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
