package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.support.FakeAgentCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * No agent process outlives its owner, not even one the agent moved into a session of its own with
 * setsid: a server killed with SIGKILL mid-turn leaves them running, and its next run on the same data
 * folder ends them; delete_replica and the end of stdin end them too.
 */
class StrayProcessIT {

    static final String KEY = "sk-ant-api03-stray-0a1b2c3d4e5f";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void processesOfAKilledRunEndAtRestartAndOnDeleteAndShutdown() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(tmp.resolve("fakes"), "claude");
        Path repo = ServerProcess.gitRepository(tmp.resolve("stray-repo"));
        Path data = tmp.resolve("data");
        ServerProcess.Options options = new ServerProcess.Options(
                List.of("--agent-command", "codex=scripted"), Map.of("PATH", fakes.path()), progress -> {});
        List<Long> firstRun = new ArrayList<>();
        String replicaId;
        try (ServerProcess first = ServerProcess.start(data, 0, logs, options)) {
            first.ok("set_agent_credential", Map.of("kind", "anthropic_api_key", "value", KEY));
            replicaId = Flows.replica(first, repo, "stray", "escape please").replicaId();
            firstRun.addAll(turnPids(fakes, 0));
            first.kill();
        }
        // SIGKILL gave the server no chance: its agent, the agent's child and the setsid daemon live on.
        assertThat(firstRun).hasSize(3).allMatch(StrayProcessIT::running);

        try (ServerProcess second = ServerProcess.start(data, 0, logs, options)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(firstRun).noneMatch(StrayProcessIT::running));
            second.ok("send_replica_message", Map.of("replica_id", replicaId, "message", "escape again"));
            List<Long> secondTurn = turnPids(fakes, 1);
            assertThat(secondTurn).allMatch(StrayProcessIT::running);
            second.ok("delete_replica", Map.of("replica_id", replicaId));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(secondTurn).noneMatch(StrayProcessIT::running));

            Path repo2 = ServerProcess.gitRepository(tmp.resolve("stray-repo-2"));
            String other =
                    Flows.replica(second, repo2, "stray-2", "escape once more").replicaId();
            assertThat(other).isNotBlank();
            List<Long> thirdTurn = turnPids(fakes, 2);
            assertThat(thirdTurn).allMatch(StrayProcessIT::running);
            second.close(); // stdin closes: the server shuts down and takes them along
            assertThat(second.process().isAlive()).isFalse();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(thirdTurn).noneMatch(StrayProcessIT::running));
        }
    }

    /** The pids of call n of the fake claude (an 'escape' turn): the CLI, its child and its setsid daemon. */
    private static List<Long> turnPids(FakeAgentCli fakes, int n) throws IOException {
        await().atMost(PATIENCE)
                .until(() -> fakes.calls("claude").size() > n
                        && fakes.calls("claude").get(n).childPid().isPresent()
                        && Files.exists(fakes.calls("claude").get(n).dir().resolve("escaped.pid")));
        FakeAgentCli.Call call = fakes.calls("claude").get(n);
        long escaped = Long.parseLong(
                Files.readString(call.dir().resolve("escaped.pid")).strip());
        return List.of(call.pid(), call.childPid().orElseThrow(), escaped);
    }

    /** Alive and not a zombie waiting for its parent to reap it. */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }
}
