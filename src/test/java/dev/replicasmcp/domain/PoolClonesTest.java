package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.pool.PoolWorkspace;
import dev.replicasmcp.domain.pool.WarmPoolConfig;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.replica.Provisioning;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.runtime.workspace.WorkspaceFiles;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warm-pool workspaces hold their clones (made while warming), so claiming one does not clone again. */
class PoolClonesTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    TestCore t;
    Environment env;
    WarmPoolService pool;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        Repository repository = t.repository("pooled");
        TestRepos.commitFile(
                t.source("pooled"),
                "replicas.json",
                "{\"warmHook\": {\"commands\": [\"echo built > warmed-in-pool.txt\"]}}");
        env = t.services.environments().create(t.caller, "pooled-env", null, repository.id(), null, null);
        pool = t.services.contents().pool();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    WarmPoolConfig config() {
        return pool.config(t.caller, env.id()).orElseThrow();
    }

    List<PoolWorkspace> ready() {
        return pool.workspaces(t.caller, config().id()).stream()
                .filter(w -> w.status() == PoolStatus.READY)
                .toList();
    }

    @Test
    void aPoolWorkspaceHoldsTheCloneAndAReplicaClaimingItKeepsIt() throws Exception {
        pool.setEnabled(t.caller, env.id(), true);
        await().atMost(PATIENCE).until(() -> ready().size() == 2);
        for (PoolWorkspace ws : ready()) {
            Path clone = Path.of(ws.path()).resolve("workspaces/pooled");
            assertThat(clone.resolve(".git")).isDirectory();
            assertThat(clone.resolve("warmed-in-pool.txt")).hasContent("built");
            assertThat(TestRepos.git(clone, "rev-parse", "--abbrev-ref", "HEAD"))
                    .isEqualTo("main");
        }
        String warmedAt = TestRepos.git(t.source("pooled"), "rev-parse", "main");
        // A later commit in the source does not reach a clone made before it: the claim did not clone again.
        TestRepos.commitFile(t.source("pooled"), "later.txt", "later\n");

        ReplicaService.Created created =
                t.services.replicas().create(t.caller, TestCore.create("claimer", "hi", env.id()));
        assertThat(created.provisioning().warmSource()).isEqualTo(Provisioning.WarmSource.WARM_POOL);
        Path clone = t.home(created.replica().id()).resolve("workspaces/pooled");
        assertThat(clone.resolve("warmed-in-pool.txt")).hasContent("built");
        assertThat(clone.resolve("later.txt")).doesNotExist();
        assertThat(TestRepos.git(clone, "rev-parse", "HEAD")).isEqualTo(warmedAt);
        assertThat(TestRepos.git(clone, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("replicas/claimer");
        // The untracked file the warm hook made is part of the diff against the base.
        assertThat(t.services
                        .replicas()
                        .get(t.caller, created.replica().id(), java.util.Set.of())
                        .repositoryStatuses()
                        .get(0)
                        .gitDiff()
                        .added())
                .isEqualTo(1);
    }

    @Test
    void aPoolWorkspaceWithoutTheCloneGetsItAtClaimAndRunsItsWarmHookThen() throws Exception {
        t.services.contents().files().create(t.caller, env.id(), "env", "~/workspaces/pooled/.env", "A=1\n");
        pool.setEnabled(t.caller, env.id(), true);
        await().atMost(PATIENCE).until(() -> ready().size() == 2);
        // Only the clone goes: the environment file written under its folder stays.
        ready().forEach(ws -> WorkspaceFiles.deleteQuietly(Path.of(ws.path()).resolve("workspaces/pooled/.git")));
        TestRepos.commitFile(t.source("pooled"), "later.txt", "later\n");

        ReplicaService.Created created =
                t.services.replicas().create(t.caller, TestCore.create("late-clone", "hi", env.id()));
        assertThat(created.provisioning().warmSource()).isEqualTo(Provisioning.WarmSource.WARM_POOL);
        Path clone = t.home(created.replica().id()).resolve("workspaces/pooled");
        assertThat(clone.resolve("later.txt"))
                .as("cloned now, from the current source")
                .hasContent("later");
        assertThat(clone.resolve(".env")).hasContent("A=1");
        assertThat(TestRepos.git(clone, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("replicas/late-clone");
        await().atMost(PATIENCE)
                .until(() -> !t.services
                        .replicas()
                        .hooks(t.caller, created.replica().id())
                        .warmHooks()
                        .isEmpty());
        assertThat(t.services.replicas().hooks(t.caller, created.replica().id()).warmHooks())
                .singleElement()
                .satisfies(w -> assertThat(w.hookType() + ":" + w.hookName()).isEqualTo("repository:pooled"));
    }

    @Test
    void disablingThePoolLeavesNoPoolFolderBehind() throws Exception {
        pool.setEnabled(t.caller, env.id(), true);
        await().atMost(PATIENCE).until(() -> ready().size() == 2);
        pool.setEnabled(t.caller, env.id(), false);
        await().atMost(PATIENCE).until(() -> {
            try (Stream<Path> left = Files.list(t.dataDir().resolve("pool"))) {
                return left.findAny().isEmpty();
            }
        });
    }
}
