package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.audit.ChangeRecorder;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the core leaves nothing behind: background hook runs are stopped and waited for, and what the
 * hooks started ends too, so a test (or the user) can remove the data folder right after close.
 */
class CoreShutdownTest {

    @TempDir
    Path dir;

    @Test
    void closeStopsRunningHooksAndTheirBackgroundProcessesBeforeItReturns() throws Exception {
        TestCore t = new TestCore(dir, Duration.ZERO);
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Repository repository = t.repository("busy");
        TestRepos.commitFile(
                t.source("busy"),
                "replicas.json",
                "{\"startHook\": {\"commands\": ["
                        + "\"(sleep 600 & echo $! > " + pids.resolve("background") + ")\","
                        + "\"echo $$ > " + pids.resolve("running") + "; sleep 600\","
                        + "\"echo late > ~/late-marker\"]}}");
        Environment env = t.services.environments().create(t.caller, "busy-env", null, repository.id(), null, null);
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("busy", "hi", env.id()))
                .replica();
        Path home = t.home(replica.id());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(pids.resolve("running")) && Files.exists(pids.resolve("background")));
        long background =
                Long.parseLong(Files.readString(pids.resolve("background")).trim());
        long running = Long.parseLong(Files.readString(pids.resolve("running")).trim());

        t.close();

        // Killed by close; a few moments more for the kernel to reap them.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(alive(running)).as("the running start hook").isFalse();
            assertThat(alive(background))
                    .as("what the hook left running in the background")
                    .isFalse();
        });
        assertThat(home.resolve("late-marker"))
                .as("no hook command runs after close")
                .doesNotExist();
    }

    @Test
    void closeWaitsForAProvisioningStillRunningInTheBackground() throws Exception {
        TestCore t = new TestCore(dir, Duration.ZERO);
        Repository repository = t.repository("slow");
        TestRepos.commitFile(t.source("slow"), "replicas.json", "{\"startHook\": {\"commands\": [\"sleep 600\"]}}");
        Environment env = t.services.environments().create(t.caller, "slow-env", null, repository.id(), null, null);
        Replica replica = t.services
                .replicas()
                .createInBackground(t.caller, TestCore.create("slow", "hi", env.id()), ChangeRecorder.none());
        assertThat(replica.status()).isEqualTo(ReplicaStatus.PREPARING);

        t.close();

        // Nothing writes into the workspace once close has returned: it stays as close left it.
        Path workspaces = t.dataDir().resolve("workspaces");
        long before = count(workspaces);
        Thread.sleep(500);
        assertThat(count(workspaces)).isEqualTo(before);
    }

    private static long count(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var files = Files.walk(folder)) {
            return files.count();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
