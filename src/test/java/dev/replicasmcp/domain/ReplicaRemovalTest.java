package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a replica kills what its hooks started and removes its whole folder. */
class ReplicaRemovalTest {

    @TempDir
    Path dir;

    TestCore t;

    @BeforeEach
    void start() {
        t = new TestCore(dir, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void deletingStopsRunningHooksAndTheirBackgroundProcessesAndRemovesTheFolder() throws Exception {
        Repository repository = t.repository("busy");
        Path pids = Files.createDirectories(dir.resolve("pids"));
        TestRepos.commitFile(
                t.source("busy"),
                "replicas.json",
                "{\"startHook\": {\"commands\": ["
                        + "\"(sleep 600 & echo $! > " + pids.resolve("background") + ")\","
                        + "\"echo $$ > " + pids.resolve("running") + "; sleep 600\","
                        + "\"echo never > " + pids.resolve("next") + "\"]}}");
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
        assertThat(alive(background)).isTrue();
        assertThat(alive(running)).isTrue();
        assertThat(t.services
                        .replicas()
                        .get(t.caller, replica.id(), Set.of())
                        .repositoryStatuses()
                        .get(0)
                        .startHooksCompleted())
                .isFalse();

        t.services.replicas().delete(t.caller, replica.id());
        assertThat(home).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(background) && !alive(running));
        Thread.sleep(300);
        assertThat(pids.resolve("next"))
                .as("the next command does not start for a deleted replica")
                .doesNotExist();
        assertThat(home).as("nothing recreated it").doesNotExist();
        try (var left = Files.list(t.dataDir().resolve("workspaces"))) {
            assertThat(left).isEmpty();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
